import { MAX_MENTIONS } from './mention.plugin';
import { renderPostMarkdown, type RenderedPost } from './post-markdown';

const render = (source: string): RenderedPost =>
  renderPostMarkdown(source, {
    mentionHref: (handle) => `/people/${handle}`,
    quoteHref: (postId) => `/posts/${postId}`,
  });
const link = (label: string, handle = label.slice(1).toLowerCase()): string =>
  `<a href="/people/${handle}" class="mention">${label}</a>`;

describe('mentions', () => {
  it('links a mention in text and lists its handle', () => {
    const post = render('Ciao @anna, ci vediamo?');
    expect(post.html).toBe(`<p>Ciao ${link('@anna')}, ci vediamo?</p>\n`);
    expect(post.mentions).toEqual(['anna']);
  });

  it('passes the lower-cased handle to mentionHref and keeps the written case on screen', () => {
    const mentionHref = jest.fn((handle: string) => `/u/${handle}`);
    const post = renderPostMarkdown('@Anna_Rossi-2', { mentionHref, quoteHref: (id) => id });
    expect(mentionHref).toHaveBeenCalledWith('anna_rossi-2');
    expect(post.html).toBe('<p><a href="/u/anna_rossi-2" class="mention">@Anna_Rossi-2</a></p>\n');
  });

  it.each([
    ['at the start of the post', '@anna ciao', `<p>${link('@anna')} ciao</p>\n`],
    ['after punctuation', '(@anna)', `<p>(${link('@anna')})</p>\n`],
    ['after a line break', 'ciao\n@anna', `<p>ciao<br />\n${link('@anna')}</p>\n`],
    ['right after emphasis', '**ciao**@anna', `<p><strong>ciao</strong>${link('@anna')}</p>\n`],
    ['inside emphasis', '*@anna*', `<p><em>${link('@anna')}</em></p>\n`],
    ['in a heading', '# @anna', `<h3>${link('@anna')}</h3>\n`],
    ['in a list item', '- @anna', `<ul>\n<li>${link('@anna')}</li>\n</ul>\n`],
  ])('finds a mention %s', (_where, source, expected) => {
    const post = render(source);
    expect(post.html).toBe(expected);
    expect(post.mentions).toEqual(['anna']);
  });

  it.each([
    ['in a code span', '`@anna`', '<p><code>@anna</code></p>\n'],
    ['in a code block', '```\n@anna\n```', '<pre><code>@anna\n</code></pre>\n'],
    ['in link text', '[@anna](/x)', '<p><a href="/x">@anna</a></p>\n'],
    ['in an autolink', '<https://e.org/@anna>', '<p><a href="https://e.org/@anna" rel="nofollow ugc noopener">https://e.org/@anna</a></p>\n'],
    ['in a bare URL', 'https://e.org/@anna', '<p><a href="https://e.org/@anna" rel="nofollow ugc noopener">https://e.org/@anna</a></p>\n'],
    ['in an e-mail address', 'anna@example.org', '<p><a href="mailto:anna@example.org">anna@example.org</a></p>\n'],
    ['after a word character', 'x@anna', '<p>x@anna</p>\n'],
    ['after an accented letter', 'caffè@anna', '<p>caffè@anna</p>\n'],
    ['after an escaped word character', 'a\\_@anna', '<p>a_@anna</p>\n'],
    ['escaped with a backslash', '\\@anna', '<p>@anna</p>\n'],
    ['written as an entity', '&#64;anna', '<p>@anna</p>\n'],
    ['in image alt text', '![@anna](https://e.org/a.png)', '<p><img src="https://e.org/a.png" alt="@anna" /></p>\n'],
  ])('ignores @anna %s', (_where, source, expected) => {
    const post = render(source);
    expect(post.html).toBe(expected);
    expect(post.mentions).toEqual([]);
  });

  it.each([
    ['one character', '@a'],
    ['a leading underscore', '@_anna'],
    ['a leading hyphen', '@-anna'],
    ['31 characters', `@${'a'.repeat(31)}`],
    ['a letter outside ASCII', '@annà'],
  ])('ignores a handle with %s', (_what, source) => {
    const post = render(source);
    expect(post.html).toBe(`<p>${source}</p>\n`);
    expect(post.mentions).toEqual([]);
  });

  it('accepts handles of 2 and 30 characters', () => {
    const longest = 'b'.repeat(30);
    expect(render(`@ab @${longest}`).mentions).toEqual(['ab', longest]);
  });

  it('ends a handle at punctuation', () => {
    const post = render('@anna. @bruno? @carla!');
    expect(post.mentions).toEqual(['anna', 'bruno', 'carla']);
    expect(post.html).toBe(`<p>${link('@anna')}. ${link('@bruno')}? ${link('@carla')}!</p>\n`);
  });

  it('lists each handle once, case-folded, in order of first appearance', () => {
    const post = render('@Bruno @anna @ANNA @bruno @carla');
    expect(post.mentions).toEqual(['bruno', 'anna', 'carla']);
    expect(post.html.match(/class="mention"/g)).toHaveLength(5);
  });

  it(`lists at most ${MAX_MENTIONS} people and leaves the others as text`, () => {
    const handles = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `user${i}`);
    const post = render(`${handles.map((h) => `@${h}`).join(' ')} @user0`);
    expect(post.mentions).toEqual(handles.slice(0, MAX_MENTIONS));
    expect(post.html).toContain(`${link(`@user${MAX_MENTIONS - 1}`)} @user${MAX_MENTIONS} `);
    expect(post.html).not.toContain(`/people/user${MAX_MENTIONS}"`);
    // Someone already mentioned is still linked after the cap.
    expect(post.html).toContain(`@user${MAX_MENTIONS + 4} ${link('@user0')}</p>`);
  });

  it('links mentions inside a quote of another post without listing them', () => {
    const post = render('> [quote:p1]\n> grazie @anna\n\n@bruno');
    expect(post.html).toContain(`<p>grazie ${link('@anna')}</p>`);
    expect(post.mentions).toEqual(['bruno']);
  });

  it('lists mentions inside an ordinary blockquote', () => {
    expect(render('> @anna').mentions).toEqual(['anna']);
  });
});
