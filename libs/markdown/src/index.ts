export {
  POST_LINKS,
  POST_MAX_LENGTH,
  PostTooLongError,
  renderPostMarkdown,
  type RenderOptions,
  type RenderedPost,
} from './lib/post-markdown';
export { EXTERNAL_LINK_REL, isAllowedImageUrl, isAllowedUrl, sanitizePostHtml } from './lib/post-html.sanitizer';
export {
  MAX_QUOTED_POSTS,
  QUOTE_EXCERPT_LENGTH,
  escapeMarkdownText,
  quoteExcerpt,
  withQuoteExcerpts,
  type FoundQuote,
  type QuoteSource,
} from './lib/quote.plugin';
export { MAX_MENTIONS } from './lib/mention.plugin';
export { languageOf, type ContentLanguage } from './lib/text-language';
export { backfillLanguage } from './lib/language-backfill';
