import { markedHtml } from '../highlight';
import { snippetOf } from './meilisearch-highlight';

const S = '\u0001';
const E = '\u0002';

describe('markedHtml', () => {
  it('turns the sentinels into <mark>', () => {
    expect(markedHtml(`Gli ${S}anziani${E} soli`)).toBe('Gli <mark>anziani</mark> soli');
  });

  it('escapes the content, so the only markup is <mark>', () => {
    expect(markedHtml(`<script>alert("x")</script> & ${S}<b>${E} 'q'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark> &#39;q&#39;',
    );
    expect(markedHtml('<mark>fake</mark>')).toBe('&lt;mark&gt;fake&lt;/mark&gt;');
  });

  it('keeps marks balanced whatever the sentinels', () => {
    expect(markedHtml(`${S}${S}a${E}${E}b`)).toBe('<mark>a</mark>b');
    expect(markedHtml(`${E}a${S}b`)).toBe('a<mark>b</mark>');
  });
});

describe('snippetOf', () => {
  it('shows the cropped body where the query matched it', () => {
    expect(snippetOf({ summary: `${S}sum${E}`, body: `…il ${S}corpo${E}…` })).toBe('…il <mark>corpo</mark>…');
  });

  it('shows the summary when only the summary matched', () => {
    expect(snippetOf({ summary: `la ${S}sintesi${E}`, body: 'il corpo…' })).toBe('la <mark>sintesi</mark>');
  });

  it('introduces the item by its summary, else its body, when nothing matched', () => {
    expect(snippetOf({ summary: 'la sintesi', body: 'il corpo' })).toBe('la sintesi');
    expect(snippetOf({ summary: null, body: 'il <corpo>' })).toBe('il &lt;corpo&gt;');
    expect(snippetOf({})).toBe('');
  });
});
