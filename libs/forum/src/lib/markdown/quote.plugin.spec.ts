import { renderPostMarkdown, type RenderedPost } from './post-markdown';
import { MAX_QUOTED_POSTS, QUOTE_SOURCE_LABEL } from './quote.plugin';

const render = (source: string): RenderedPost =>
  renderPostMarkdown(source, {
    mentionHref: (handle) => `/people/${handle}`,
    quoteHref: (postId) => `/posts/${postId}`,
  });
const source = (postId: string): string => `<p><a href="/posts/${postId}" class="quote-source">${QUOTE_SOURCE_LABEL}</a></p>\n`;

describe('quotes of other posts', () => {
  it('renders a quote with a link to its source and lists the post', () => {
    const post = render('> [quote:UG9zdDox]\n> il testo citato\n\nLa mia risposta');
    expect(post.html).toBe(
      `<blockquote class="quote">\n${source('UG9zdDox')}<p>il testo citato</p>\n</blockquote>\n<p>La mia risposta</p>\n`,
    );
    expect(post.quotedPostIds).toEqual(['UG9zdDox']);
  });

  it('accepts the marker alone in its paragraph and trailing spaces after it', () => {
    expect(render('> [quote:abc]\n>\n> testo').html).toBe(
      `<blockquote class="quote">\n${source('abc')}<p>testo</p>\n</blockquote>\n`,
    );
    expect(render('> [quote:abc] \t \n> testo').html).toBe(
      `<blockquote class="quote">\n${source('abc')}<p>testo</p>\n</blockquote>\n`,
    );
    expect(render('> [quote:abc]').html).toBe(`<blockquote class="quote">\n${source('abc')}</blockquote>\n`);
  });

  it('reads the id before markdown can change it', () => {
    const post = render('> [quote:_a_b_]\n> x');
    expect(post.quotedPostIds).toEqual(['_a_b_']);
    expect(post.html).toContain(source('_a_b_'));
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
    expect(post.html.match(/class="quote"/g)).toHaveLength(3);
  });

  it('finds a quote nested in another', () => {
    const post = render('> [quote:outer]\n> > [quote:inner]\n> > prima\n>\n> poi');
    expect(post.quotedPostIds).toEqual(['outer', 'inner']);
    expect(post.html).toBe(
      `<blockquote class="quote">\n${source('outer')}<blockquote class="quote">\n${source('inner')}` +
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

  it('leaves the source label out of the plain text', () => {
    expect(render('> [quote:abc]\n> citato\n\nrisposta').text).toBe('citato risposta');
  });
});
