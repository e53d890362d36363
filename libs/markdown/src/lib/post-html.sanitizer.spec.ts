import { sanitizePostHtml } from './post-html.sanitizer';
import { renderPostMarkdown } from './post-markdown';

const html = (source: string): string =>
  renderPostMarkdown(source, {
    mentionHref: (handle) => `/people/${handle}`,
    quoteHref: (postId) => `/posts/${postId}`,
  }).html;

// Attacks written in a post. markdown-it (html: false, allow-listed URLs) must
// turn each into visible, inert text; the exact output proves nothing else leaks.
describe('renderPostMarkdown against XSS', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'],
    ['<svg onload=alert(1)><use href="data:x"/></svg>', '&lt;svg onload=alert(1)&gt;&lt;use href="data:x"/&gt;&lt;/svg&gt;'],
    ['<form action="/x"><input></form>', '&lt;form action="/x"&gt;&lt;input&gt;&lt;/form&gt;'],
    ['<p style="color:red">x</p>', '&lt;p style="color:red"&gt;x&lt;/p&gt;'],
  ])('shows raw HTML %p as text', (source, escaped) => {
    expect(html(source)).toBe(`<p>${escaped}</p>\n`);
  });

  it('does not link an iframe source, only the URL inside it', () => {
    expect(html('<iframe src="https://example.org"></iframe>')).toBe(
      '<p>&lt;iframe src="<a href="https://example.org" rel="nofollow ugc noopener">https://example.org</a>"&gt;&lt;/iframe&gt;</p>\n',
    );
  });

  it.each([
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](JAVASCRIPT:alert(1))', '[x](JAVASCRIPT:alert(1))'],
    ['[x](jav&#x09;ascript:alert(1))', '[x](jav\tascript:alert(1))'],
    ['[x](&#106;avascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](<javascript:alert(1)>)', '[x](&lt;javascript:alert(1)&gt;)'],
    ['[x](vbscript:msgbox(1))', '[x](vbscript:msgbox(1))'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['![x](data:image/png;base64,AAAA)', '![x](data:image/png;base64,AAAA)'],
    ['![x](data:image/svg+xml,<svg onload=alert(1)>)', '![x](data:image/svg+xml,&lt;svg onload=alert(1)&gt;)'],
    ['![x](javascript:alert(1))', '![x](javascript:alert(1))'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['<data:text/html,x>', '&lt;data:text/html,x&gt;'],
  ])('does not turn %p into a link or image', (source, text) => {
    expect(html(source)).toBe(`<p>${text}</p>\n`);
  });

  it('ignores a reference definition with a javascript: URL', () => {
    expect(html('[x][1]\n\n[1]: javascript:alert(1)')).toBe('<p>[x][1]</p>\n<p>[1]: javascript:alert(1)</p>\n');
  });

  it('percent-encodes a backslash that browsers would read as //host', () => {
    expect(html('[x](/\\evil.example)')).toBe('<p><a href="/%5Cevil.example">x</a></p>\n');
  });

  it('escapes quotes in titles and alt text instead of closing the attribute', () => {
    expect(html('[x](https://e.org "t\\" onmouseover=\\"alert(1)")')).toBe(
      '<p><a href="https://e.org" rel="nofollow ugc noopener" title="t&quot; onmouseover=&quot;alert(1)">x</a></p>\n',
    );
    expect(html('![" onerror="alert(1)](https://e.org/i.png)')).toBe(
      '<p><img src="https://e.org/i.png" alt="&quot; onerror=&quot;alert(1)" /></p>\n',
    );
  });

  it('drops a dangerous URL even when a caller-supplied href produces it', () => {
    const rendered = renderPostMarkdown('@anna\n\n> [quote:p1]\n> x', {
      mentionHref: () => 'javascript:alert(1)',
      quoteHref: () => 'data:text/html,x',
      quoteSources: new Map([['p1', { author: 'Chiara' }]]),
    }).html;
    expect(rendered).toBe(
      '<p><a class="mention">@anna</a></p>\n<blockquote class="quote" data-post="p1">\n<p class="quote-source"><a>Chiara</a></p>\n<p>x</p>\n</blockquote>\n',
    );
  });
});

// markdown-it never emits these; the sanitizer is the second wall if it ever did.
describe('sanitizePostHtml', () => {
  it.each([
    ['<a href="javascript:alert(1)" onclick="x()">x</a>', '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,x">x</a>', '<a>x</a>'],
    ['<a href="//evil.example">x</a>', '<a>x</a>'],
    ['<a href="/\\evil.example">x</a>', '<a>x</a>'],
    ['<a href="relative/path">x</a>', '<a>x</a>'],
    ['<a href="#top">x</a>', '<a>x</a>'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>', '<a>t</a>'],
  ])('removes the unsafe href of %p', (dirty, clean) => {
    expect(sanitizePostHtml(dirty)).toBe(clean);
  });

  it('strips target and replaces any rel on external links', () => {
    expect(sanitizePostHtml('<a href="https://e.org" rel="opener" target="_blank">x</a>')).toBe(
      '<a href="https://e.org" rel="nofollow ugc noopener">x</a>',
    );
    expect(sanitizePostHtml('<a href="HTTP://E.ORG">x</a>')).toBe('<a href="HTTP://E.ORG" rel="nofollow ugc noopener">x</a>');
  });

  it('keeps the quote markup the quote plugin emits and nothing like it', () => {
    expect(sanitizePostHtml('<blockquote class="quote" data-post="UG9zdDox"><p class="quote-source"><a href="/p/UG9zdDox">Chiara</a></p></blockquote>')).toBe(
      '<blockquote class="quote" data-post="UG9zdDox"><p class="quote-source"><a href="/p/UG9zdDox">Chiara</a></p></blockquote>',
    );
    expect(sanitizePostHtml('<blockquote data-post="x&quot; onclick=&quot;y" data-other="z"><p class="lead" data-post="p">t</p></blockquote>')).toBe(
      '<blockquote><p>t</p></blockquote>',
    );
    expect(sanitizePostHtml('<a class="quote-source" href="/p/1">x</a><h3 class="quote-source">h</h3>')).toBe('<a href="/p/1">x</a><h3>h</h3>');
  });

  it('gives internal links no rel', () => {
    expect(sanitizePostHtml('<a href="/t/1" rel="nofollow" target="_top">x</a>')).toBe('<a href="/t/1">x</a>');
  });

  it.each(['data:image/svg+xml,<svg/onload=alert(1)>', 'http://e.org/i.png', '/i.png', 'h&#x09;ttps://e.org/i.png'])(
    'drops an image whose src is %p',
    (src) => {
      expect(sanitizePostHtml(`a<img src="${src}">b`)).toBe('ab');
    },
  );

  it('keeps only src, alt and title on https images', () => {
    expect(sanitizePostHtml('<img src="https://e.org/i.png" alt="a" onerror="alert(1)" style="x" width="1">')).toBe(
      '<img src="https://e.org/i.png" alt="a" />',
    );
  });

  it.each([
    ['<script>alert(1)</script>after', 'after'],
    ['<style>p{}</style>after', 'after'],
    ['<iframe src="https://e.org">i</iframe>', 'i'],
    ['<form><input name="a"><button>b</button></form>', 'b'],
    ['<object data="x"></object><embed src="x">', ''],
    ['<math><mi xlink:href="javascript:alert(1)">m</mi></math>', 'm'],
    ['<h1>t</h1><div>d</div>', 'td'],
  ])('removes the disallowed elements of %p', (dirty, clean) => {
    expect(sanitizePostHtml(dirty)).toBe(clean);
  });

  it('removes event handlers and styles from allowed elements', () => {
    expect(sanitizePostHtml('<p style="color:red" onclick="x()" id="p">t</p>')).toBe('<p>t</p>');
  });

  it('keeps only the classes the renderer emits', () => {
    expect(sanitizePostHtml('<code class="language-js hljs">c</code>')).toBe('<code class="language-js">c</code>');
    expect(sanitizePostHtml('<pre class="evil language-c++">p</pre>')).toBe('<pre class="language-c++">p</pre>');
    expect(sanitizePostHtml('<a class="mention evil" href="/u/a">@a</a>')).toBe('<a href="/u/a" class="mention">@a</a>');
    expect(sanitizePostHtml('<blockquote class="quote evil" data-x="1">q</blockquote>')).toBe(
      '<blockquote class="quote">q</blockquote>',
    );
    expect(sanitizePostHtml('<p class="mention">t</p>')).toBe('<p>t</p>');
  });

  it('keeps a valid cell alignment and drops any other', () => {
    expect(sanitizePostHtml('<td align="javascript:x">1</td><th align="center">2</th>')).toBe(
      '<td>1</td><th align="center">2</th>',
    );
  });
});
