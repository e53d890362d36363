import { POST_MAX_LENGTH, PostTooLongError, renderPostMarkdown, type RenderedPost } from './post-markdown';

const options = {
  mentionHref: (handle: string) => `/people/${handle}`,
  quoteHref: (postId: string) => `/posts/${postId}`,
};
const render = (source: string): RenderedPost => renderPostMarkdown(source, options);
const html = (source: string): string => render(source).html;

describe('renderPostMarkdown: markdown', () => {
  it('renders emphasis, strong and strikethrough', () => {
    expect(html('*uno* **due** ~~tre~~')).toBe('<p><em>uno</em> <strong>due</strong> <s>tre</s></p>\n');
  });

  it('renders bullet and numbered lists', () => {
    expect(html('- a\n- b\n\n1. c\n2. d')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n<li>d</li>\n</ol>\n');
  });

  it('turns a single newline into a line break, as people expect in a forum', () => {
    expect(html('riga uno\nriga due')).toBe('<p>riga uno<br />\nriga due</p>\n');
  });

  it('escapes code and keeps only a well-formed language class, with no highlighting', () => {
    expect(html('`<b>` and\n\n```ts\nconst a = 1 < 2;\n```')).toBe(
      '<p><code>&lt;b&gt;</code> and</p>\n<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>\n',
    );
    expect(html('```ts" onclick="x\ncode\n```')).toBe('<pre><code>code\n</code></pre>\n');
    expect(html('    indented')).toBe('<pre><code>indented\n</code></pre>\n');
  });

  it('renders an ordinary blockquote without the quote class', () => {
    expect(html('> detto da qualcuno')).toBe('<blockquote>\n<p>detto da qualcuno</p>\n</blockquote>\n');
  });

  it.each([
    ['# a', '<h3>a</h3>\n'],
    ['## a', '<h4>a</h4>\n'],
    ['### a', '<h5>a</h5>\n'],
    ['#### a', '<h6>a</h6>\n'],
    ['###### a', '<h6>a</h6>\n'],
    ['a\n===', '<h3>a</h3>\n'],
  ])('demotes headings below the page title: %p', (source, expected) => {
    expect(html(source)).toBe(expected);
  });

  it('renders tables, aligning cells with `align` instead of a style attribute', () => {
    expect(html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="center">b</th>\n<th align="right">c</th>\n' +
        '</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="center">2</td>\n<td align="right">3</td>\n' +
        '</tr>\n</tbody>\n</table>\n',
    );
  });

  it('renders a horizontal rule', () => {
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p>\n<hr />\n<p>b</p>\n');
  });

  it('shows raw HTML as text instead of rendering it', () => {
    expect(html('<b>grassetto</b> e <div class="x">blocco</div>')).toBe(
      '<p>&lt;b&gt;grassetto&lt;/b&gt; e &lt;div class="x"&gt;blocco&lt;/div&gt;</p>\n',
    );
  });
});

describe('renderPostMarkdown: links and images', () => {
  it('marks external links nofollow ugc noopener', () => {
    expect(html('[sito](https://example.org/a) e [vecchio](http://example.org)')).toBe(
      '<p><a href="https://example.org/a" rel="nofollow ugc noopener">sito</a> e ' +
        '<a href="http://example.org" rel="nofollow ugc noopener">vecchio</a></p>\n',
    );
  });

  it('leaves internal links and mail links without rel', () => {
    expect(html('[thread](/threads/42) [scrivi](mailto:info@example.org)')).toBe(
      '<p><a href="/threads/42">thread</a> <a href="mailto:info@example.org">scrivi</a></p>\n',
    );
  });

  it('keeps a link title, escaped', () => {
    expect(html('[x](https://example.org "Il \\"sito\\"")')).toBe(
      '<p><a href="https://example.org" rel="nofollow ugc noopener" title="Il &quot;sito&quot;">x</a></p>\n',
    );
  });

  it('links bare URLs, autolinks and e-mail addresses', () => {
    expect(html('vedi https://example.org/x?a=1&b=2. <https://example.com> o a@example.org')).toBe(
      '<p>vedi <a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc noopener">https://example.org/x?a=1&amp;b=2</a>. ' +
        '<a href="https://example.com" rel="nofollow ugc noopener">https://example.com</a> ' +
        'o <a href="mailto:a@example.org">a@example.org</a></p>\n',
    );
  });

  it.each(['[x](ftp://example.org)', '[x](#top)', '[x](relative/path)', '[x](//evil.example)'])(
    'leaves %p as text: only http(s), mailto and site paths are links',
    (source) => {
      expect(html(source)).toBe(`<p>${source}</p>\n`);
    },
  );

  it('shows https images and replaces any other image with its alt text', () => {
    expect(html('![logo](https://example.org/logo.png "Logo")')).toBe(
      '<p><img src="https://example.org/logo.png" alt="logo" title="Logo" /></p>\n',
    );
    expect(html('![in chiaro](http://example.org/a.png) ![locale](/a.png)')).toBe('<p>in chiaro locale</p>\n');
  });
});

describe('renderPostMarkdown: plain text', () => {
  it('strips markup, decodes entities and collapses whitespace', () => {
    expect(render('# Titolo\n\nCiao   **tutti** &amp; &lt;b&gt; `x<y`\nriga\n\n- uno\n- due').text).toBe(
      'Titolo Ciao tutti & <b> x<y riga uno due',
    );
  });

  it('keeps code, table cells and image descriptions as words', () => {
    expect(render('```\nnpm  test\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![foto della piazza](https://e.org/p.jpg)').text).toBe(
      'npm test a b 1 2 foto della piazza',
    );
  });

  it('is empty for an empty post', () => {
    expect(render('  \n\n ')).toEqual({ html: '', mentions: [], quotedPostIds: [], quotes: [], text: '', language: 'it' });
  });
});

describe('renderPostMarkdown: bounds', () => {
  it(`accepts ${POST_MAX_LENGTH} characters and refuses one more before parsing`, () => {
    expect(render('a'.repeat(POST_MAX_LENGTH)).text).toHaveLength(POST_MAX_LENGTH);
    expect(() => render('a'.repeat(POST_MAX_LENGTH + 1))).toThrow(PostTooLongError);
  });

  it('counts characters as people do, not UTF-16 units', () => {
    const emoji = '🌱';
    expect(render(emoji.repeat(POST_MAX_LENGTH)).text).toBe(emoji.repeat(POST_MAX_LENGTH));
    expect(() => render(emoji.repeat(POST_MAX_LENGTH + 1))).toThrow(PostTooLongError);
  });

  it('throws an error carrying a code and the limit', () => {
    const error = (() => {
      try {
        render('x'.repeat(POST_MAX_LENGTH + 1));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PostTooLongError);
    expect(error).toMatchObject({ code: 'POST_TOO_LONG', maxLength: POST_MAX_LENGTH, name: 'PostTooLongError' });
  });

  it('stops nesting at 20 levels', () => {
    const rendered = html(`${'>'.repeat(50)} profondo`);
    expect(rendered.match(/<blockquote>/g)).toHaveLength(20);
    expect(rendered.match(/<\/blockquote>/g)).toHaveLength(20);
  });

  it('keeps no state between renders', () => {
    expect(render('@anna > x').mentions).toEqual(['anna']);
    expect(render('@bruno').mentions).toEqual(['bruno']);
  });
});
