import { renderPostMarkdown, type RenderedPost } from './post-markdown';
import { MAX_QUOTED_POSTS, QUOTE_EXCERPT_LENGTH, escapeMarkdownText, quoteExcerpt, withQuoteExcerpts, type QuoteSource } from './quote.plugin';

const sources = new Map<string, QuoteSource>([
  ['UG9zdDox', { author: 'Chiara Colombo' }],
  ['abc', { author: 'Marco <b>Bianchi</b> & co.' }],
  ['gone', { author: null }],
]);
const render = (source: string, quoteSources: ReadonlyMap<string, QuoteSource> = sources): RenderedPost =>
  renderPostMarkdown(source, {
    mentionHref: (handle) => `/people/${handle}`,
    quoteHref: (postId) => `/posts/${postId}`,
    quoteSources,
  });
const open = (postId: string) => `<blockquote class="quote" data-post="${postId}">\n`;
const source = (postId: string, author: string) => `<p class="quote-source"><a href="/posts/${postId}">${author}</a></p>\n`;

describe('quotes of other posts', () => {
  it('renders a quote under its author’s name, linked to the post, and lists the post', () => {
    const post = render('> [quote:UG9zdDox]\n> il testo citato\n\nLa mia risposta');
    expect(post.html).toBe(
      `${open('UG9zdDox')}${source('UG9zdDox', 'Chiara Colombo')}<p>il testo citato</p>\n</blockquote>\n<p>La mia risposta</p>\n`,
    );
    expect(post.quotedPostIds).toEqual(['UG9zdDox']);
    expect(post.quotes).toEqual([{ postId: 'UG9zdDox', line: 0, empty: false }]);
  });

  it('says nothing in any language of its own: the author’s name, escaped, is the only text it adds', () => {
    const html = render('> [quote:abc]\n> x').html;
    expect(html).toBe(`${open('abc')}${source('abc', 'Marco &lt;b&gt;Bianchi&lt;/b&gt; &amp; co.')}<p>x</p>\n</blockquote>\n`);
    expect(html).not.toMatch(/quoted|citat/i);
  });

  it('leaves the source line out when the author is gone or the source was not given', () => {
    expect(render('> [quote:gone]\n> x').html).toBe(`${open('gone')}<p>x</p>\n</blockquote>\n`);
    expect(render('> [quote:abc]\n> x', new Map()).html).toBe(`${open('abc')}<p>x</p>\n</blockquote>\n`);
  });

  it('accepts the marker alone in its paragraph and trailing spaces after it, and tells empty quotes apart', () => {
    const marker = source('abc', 'Marco &lt;b&gt;Bianchi&lt;/b&gt; &amp; co.');
    expect(render('> [quote:abc]\n>\n> testo').html).toBe(`${open('abc')}${marker}<p>testo</p>\n</blockquote>\n`);
    expect(render('> [quote:abc] \t \n> testo').html).toBe(`${open('abc')}${marker}<p>testo</p>\n</blockquote>\n`);
    const alone = render('Prima\n\n> [quote:abc]');
    expect(alone.html).toBe(`<p>Prima</p>\n${open('abc')}${marker}</blockquote>\n`);
    expect(alone.quotes).toEqual([{ postId: 'abc', line: 2, empty: true }]);
    expect(render('> [quote:abc]\n>\n> testo').quotes).toEqual([{ postId: 'abc', line: 0, empty: false }]);
  });

  it('reads the id before markdown can change it', () => {
    const post = render('> [quote:_a_b_]\n> x');
    expect(post.quotedPostIds).toEqual(['_a_b_']);
    expect(post.html).toContain(open('_a_b_'));
  });

  it('accepts ids of 200 characters and treats longer ones as plain text', () => {
    const longest = 'A'.repeat(200);
    expect(render(`> [quote:${longest}]\n> x`).quotedPostIds).toEqual([longest]);
    const tooLong = render(`> [quote:${longest}B]\n> x`);
    expect(tooLong.quotedPostIds).toEqual([]);
    expect(tooLong.html).toBe(`<blockquote>\n<p>[quote:${longest}B]<br />\nx</p>\n</blockquote>\n`);
  });

  it.each([
    ['an id with other characters', '> [quote:a.b]\n> x', '<blockquote>\n<p>[quote:a.b]<br />\nx</p>\n</blockquote>\n'],
    ['an empty id', '> [quote:]\n> x', '<blockquote>\n<p>[quote:]<br />\nx</p>\n</blockquote>\n'],
    ['the marker after the first line', '> x\n> [quote:abc]', '<blockquote>\n<p>x<br />\n[quote:abc]</p>\n</blockquote>\n'],
    ['text after the marker on its line', '> [quote:abc] x', '<blockquote>\n<p>[quote:abc] x</p>\n</blockquote>\n'],
    ['the marker outside a blockquote', '[quote:abc]\nx', '<p>[quote:abc]<br />\nx</p>\n'],
  ])('leaves %p as an ordinary blockquote or paragraph', (_what, markdown, expected) => {
    const post = render(markdown);
    expect(post.html).toBe(expected);
    expect(post.quotedPostIds).toEqual([]);
  });

  it('lists distinct ids in order', () => {
    const post = render('> [quote:b]\n> 1\n\n> [quote:a]\n> 2\n\n> [quote:b]\n> 3');
    expect(post.quotedPostIds).toEqual(['b', 'a']);
    expect(post.quotes.map((q) => [q.postId, q.line])).toEqual([['b', 0], ['a', 3], ['b', 6]]);
    expect(post.html.match(/class="quote"/g)).toHaveLength(3);
  });

  it('finds a quote nested in another', () => {
    const post = render('> [quote:UG9zdDox]\n> > [quote:abc]\n> > prima\n>\n> poi', new Map([['UG9zdDox', { author: 'Chiara' }], ['abc', { author: 'Marco' }]]));
    expect(post.quotedPostIds).toEqual(['UG9zdDox', 'abc']);
    expect(post.html).toBe(
      `${open('UG9zdDox')}${source('UG9zdDox', 'Chiara')}${open('abc')}${source('abc', 'Marco')}` +
        '<p>prima</p>\n</blockquote>\n<p>poi</p>\n</blockquote>\n',
    );
  });

  it(`quotes at most ${MAX_QUOTED_POSTS} posts and leaves the others as plain blockquotes`, () => {
    const ids = Array.from({ length: MAX_QUOTED_POSTS + 2 }, (_, i) => `p${i}`);
    const post = render([...ids, 'p0'].map((id) => `> [quote:${id}]\n> t`).join('\n\n'));
    expect(post.quotedPostIds).toEqual(ids.slice(0, MAX_QUOTED_POSTS));
    expect(post.html).toContain(`<blockquote>\n<p>[quote:p${MAX_QUOTED_POSTS}]<br />\nt</p>\n</blockquote>`);
    // A post already quoted is still rendered as a quote after the cap.
    expect(post.html.match(/class="quote"/g)).toHaveLength(MAX_QUOTED_POSTS + 1);
  });

  it('leaves the author’s name out of the plain text', () => {
    expect(render('> [quote:UG9zdDox]\n> citato\n\nrisposta').text).toBe('citato risposta');
  });
});

describe('quote excerpts', () => {
  it('takes the opening words, cut at a word', () => {
    expect(quoteExcerpt('  Una   banca\ndel tempo ')).toBe('Una banca del tempo');
    const long = 'parola '.repeat(100);
    const excerpt = quoteExcerpt(long);
    expect([...excerpt].length).toBeLessThanOrEqual(QUOTE_EXCERPT_LENGTH + 1);
    expect(excerpt).toMatch(/^(parola )+parola…$/);
    expect(quoteExcerpt('x'.repeat(300), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  it.each([
    ['*non enfasi* e _nemmeno_', '<p>*non enfasi* e _nemmeno_</p>\n'],
    ['[link](/a) ![img](/i.png)', '<p>[link](/a) ![img](/i.png)</p>\n'],
    ['# titolo', '<p># titolo</p>\n'],
    ['- elenco', '<p>- elenco</p>\n'],
    ['12. punto', '<p>12. punto</p>\n'],
    ['> citazione', '<p>&gt; citazione</p>\n'],
    ['===', '<p>===</p>\n'],
    ['<b>html</b> &amp; `code` \\ ~~via~~ | tab', '<p>&lt;b&gt;html&lt;/b&gt; &amp;amp; `code` \\ ~~via~~ | tab</p>\n'],
  ])('escapes %p so it reads back as the same text', (text, html) => {
    expect(render(escapeMarkdownText(text), new Map()).html).toBe(html);
  });

  it('copies an excerpt into the source of each quote that holds only its marker', () => {
    const quoted = 'Il *sabato* mattina';
    const written = 'Prima\n\n> [quote:a]\n\n- > [quote:b]\n\n> [quote:a]\n> già scritto\n\n> > [quote:c]';
    const parsed = render(written);
    const expanded = withQuoteExcerpts(written, parsed.quotes, (id) => (id === 'c' ? null : `${quoted} ${id}`));
    expect(expanded).toBe(
      'Prima\n\n> [quote:a]\n> Il \\*sabato\\* mattina a\n\n- > [quote:b]\n  > Il \\*sabato\\* mattina b\n\n> [quote:a]\n> già scritto\n\n> > [quote:c]',
    );
    const html = render(expanded, new Map([['a', { author: 'Anna' }], ['b', { author: 'Bruno' }]])).html;
    expect(html).toContain(`${open('a')}${source('a', 'Anna')}<p>Il *sabato* mattina a</p>\n</blockquote>`);
    expect(html).toContain(`<li>\n${open('b')}${source('b', 'Bruno')}<p>Il *sabato* mattina b</p>\n</blockquote>\n</li>`);
  });
});
