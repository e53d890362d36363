import { createContext, useContext, useEffect } from 'react';

/** What a page says about itself to search engines and link previews. */
export interface PageHead {
  title: string;
  description: string;
  /** Path of the page's canonical URL, e.g. `/practices/portierato-sociale`. */
  path: string;
  type?: 'website' | 'article';
  image?: string;
}

/** Filled while rendering on the server; the last page to speak wins (the deepest route). */
export class HeadCollector {
  head: PageHead | undefined;
}

export const HeadContext = createContext<HeadCollector | null>(null);
export const OriginContext = createContext<string>('');

function setMeta(attribute: 'name' | 'property', key: string, content: string): void {
  let element = document.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`);
  if (!element) {
    element = document.createElement('meta');
    element.setAttribute(attribute, key);
    document.head.append(element);
  }
  element.content = content;
}

/** Renders nothing: on the server it records the page's head, in the browser it updates it. */
export function PageMeta(props: PageHead) {
  const collector = useContext(HeadContext);
  const origin = useContext(OriginContext);
  if (collector) collector.head = props;
  const { title, description, path, type = 'website', image } = props;
  useEffect(() => {
    const url = new URL(path, location.origin).href;
    document.title = title;
    setMeta('name', 'description', description);
    setMeta('property', 'og:title', title);
    setMeta('property', 'og:description', description);
    setMeta('property', 'og:type', type);
    setMeta('property', 'og:url', url);
    if (image) setMeta('property', 'og:image', new URL(image, location.origin).href);
    let canonical = document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (!canonical) {
      canonical = document.createElement('link');
      canonical.rel = 'canonical';
      document.head.append(canonical);
    }
    canonical.href = url;
  }, [title, description, path, type, image, origin]);
  return null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The head tags of a server-rendered page. */
export function renderHead(head: PageHead, origin: string, siteName: string, lang: string): string {
  const url = new URL(head.path, origin).href;
  const tags = [
    `<title>${escape(head.title)}</title>`,
    `<meta name="description" content="${escape(head.description)}">`,
    `<link rel="canonical" href="${escape(url)}">`,
    `<meta property="og:site_name" content="${escape(siteName)}">`,
    `<meta property="og:title" content="${escape(head.title)}">`,
    `<meta property="og:description" content="${escape(head.description)}">`,
    `<meta property="og:type" content="${head.type ?? 'website'}">`,
    `<meta property="og:url" content="${escape(url)}">`,
    `<meta property="og:locale" content="${lang === 'en' ? 'en_GB' : 'it_IT'}">`,
    `<meta name="twitter:card" content="summary">`,
  ];
  if (head.image) tags.push(`<meta property="og:image" content="${escape(new URL(head.image, origin).href)}">`);
  return tags.join('');
}
