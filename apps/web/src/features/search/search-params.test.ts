import { describe, expect, it } from 'vitest';
import { markOnly, readSearchParams, searchHref } from './search-params';

describe('search parameters', () => {
  it('read the query string, ignoring unknown types and blank values', () => {
    expect(readSearchParams(new URLSearchParams('q=+anziani+soli+&type=practice&territory=it-mi&tag=&after=abc'))).toEqual({
      q: 'anziani soli',
      type: 'PRACTICE',
      territory: 'IT-MI',
      tag: null,
      after: 'abc',
    });
    expect(readSearchParams(new URLSearchParams('type=secret')).type).toBeNull();
  });

  it('write them back, the first page unless a cursor is given', () => {
    expect(searchHref({ q: 'anziani soli', type: 'COMPETENCE_PROFILE', tag: 'casa' })).toBe('/search?q=anziani+soli&type=profile&tag=casa');
    expect(searchHref({})).toBe('/search');
  });
});

describe('markOnly', () => {
  it('keeps <mark> and shows any other tag as text', () => {
    expect(markOnly('a <mark>casa</mark> &amp; <img src=x onerror=alert(1)></mark>')).toBe(
      'a <mark>casa</mark> &amp; &lt;img src=x onerror=alert(1)></mark>',
    );
    expect(markOnly('<script>x</script>')).toBe('&lt;script>x&lt;/script>');
  });
});
