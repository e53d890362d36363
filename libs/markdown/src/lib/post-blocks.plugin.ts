import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { isAllowedImageUrl } from './post-html.sanitizer';

/**
 * A post sits under the thread title (h1) and the page's section headings
 * (h2), so `#` becomes h3 and every level moves down by two, keeping the
 * post's own outline intact. h5 and h6 share h6.
 */
function demoteHeadings(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(level + 2, 6)}`;
    }
  }
}

const TEXT_ALIGN = /^text-align:(left|center|right)$/;

/**
 * markdown-it aligns table cells with `style`, which the sanitizer rejects
 * everywhere (CSS is an injection surface); `align` says the same and passes.
 */
function alignCellsWithAttribute(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = TEXT_ALIGN.exec(String(token.attrGet('style') ?? ''))?.[1];
    token.attrs = align === undefined ? null : [['align', align]];
  }
}

/** Alt text stands in for an image the sanitizer would drop, so the reader still sees something. */
function imagesOnlyOverHttps(md: MarkdownIt): void {
  const renderImage = md.renderer.rules['image'];
  if (renderImage === undefined) throw new Error('markdown-it has no image renderer to wrap');
  md.renderer.rules['image'] = (tokens: Token[], idx, options, env, renderer) => {
    const image = tokens[idx];
    if (isAllowedImageUrl(String(image.attrGet('src') ?? ''))) {
      return renderImage(tokens, idx, options, env, renderer);
    }
    return md.utils.escapeHtml(renderer.renderInlineAsText(image.children ?? [], options, env));
  };
}

/** Block-level adjustments that make markdown fit inside a thread page. */
export function postBlocksPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'demote_headings', demoteHeadings);
  md.core.ruler.after('block', 'align_cells', alignCellsWithAttribute);
  imagesOnlyOverHttps(md);
}
