import sanitizeHtml from 'sanitize-html';

/**
 * The URLs a post may link to: web and mail addresses, and paths on this site.
 * `//host` and `/\host` are excluded because browsers treat both as another
 * host. markdown-it checks links against this before they become links, and
 * the sanitizer checks again, so a bug in one is not a hole.
 */
const ALLOWED_URL = /^(?:https?:\/\/|mailto:|\/(?![/\\]))/i;
const EXTERNAL_URL = /^https?:\/\//i;
const HTTPS_URL = /^https:\/\//i;

/** Added to every off-site link: posts are user content, not endorsements. */
export const EXTERNAL_LINK_REL = 'nofollow ugc noopener';

export function isAllowedUrl(url: string): boolean {
  return ALLOWED_URL.test(url);
}

/** Images load in every reader's browser, so only over https (no mixed content, no tracking over http). */
export function isAllowedImageUrl(url: string): boolean {
  return HTTPS_URL.test(url);
}

/** Fenced code carries `language-xyz` for client-side highlighting; nothing else. */
const LANGUAGE_CLASS = /^language-[\w#+.-]{1,32}$/;
const ALIGNMENTS = new Set(['left', 'center', 'right']);

function linkAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  // Rebuilt from scratch rather than filtered, so `target`, `rel` supplied by
  // anyone but us, and any attribute added to the allow-list later cannot
  // reach the output by accident.
  const safe: sanitizeHtml.Attributes = {};
  const { href, title, class: className } = attribs;
  if (href !== undefined && isAllowedUrl(href)) {
    safe['href'] = href;
    if (EXTERNAL_URL.test(href)) safe['rel'] = EXTERNAL_LINK_REL;
  }
  if (title !== undefined) safe['title'] = title;
  if (className !== undefined) safe['class'] = className;
  return { tagName, attribs: safe };
}

// An allow-list of values in `allowedAttributes` would leave a bare `align`
// behind for a bad value; dropping the attribute here leaves nothing.
function cellAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const align = attribs['align'];
  return { tagName, attribs: align !== undefined && ALIGNMENTS.has(align) ? { align } : {} };
}

/** The quote plugin names the quoted post with an id of this shape; any other value is dropped. */
const QUOTED_POST_ID = /^[A-Za-z0-9_-]{1,200}$/;

function quoteAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { class: className, 'data-post': postId } = attribs;
  const safe: sanitizeHtml.Attributes = {};
  if (className !== undefined) safe['class'] = className;
  if (postId !== undefined && QUOTED_POST_ID.test(postId)) safe['data-post'] = postId;
  return { tagName, attribs: safe };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre',
    'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    pre: ['class'],
    p: ['class'],
    blockquote: ['class', 'data-post'],
    th: ['align'],
    td: ['align'],
  },
  // Only the classes our own plugins emit; markdown cannot produce others.
  allowedClasses: {
    a: ['mention'],
    p: ['quote-source'],
    blockquote: ['quote'],
    code: [LANGUAGE_CLASS],
    pre: [LANGUAGE_CLASS],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Unknown tags vanish but keep their text; script/style/textarea lose it too.
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
  transformTags: { a: linkAttributes, blockquote: quoteAttributes, th: cellAttributes, td: cellAttributes },
  // A relative or http image would pass the scheme check; drop the element.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageUrl(frame.attribs['src'] ?? ''),
};

/**
 * Last line of defence for post HTML. markdown-it (with `html: false`) should
 * never emit anything outside this allow-list; if it ever does, it stops here.
 */
export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
