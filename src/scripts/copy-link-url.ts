/**
 * The URL a copy-link button copies: the page's canonical URL when the book has a `siteUrl` (the
 * layout writes it as `<link rel="canonical">`, from the site URL and the base path, so a link copied
 * from a local preview, the exported folder or a mirror still points at the public book), else the
 * address the page is served from; either without its query (a search's `?highlight=` is the
 * reader's, not the link's), with `#id`.
 */
export function copyLinkUrl(id: string, canonical: string | null | undefined, pageHref: string): string {
  const url = new URL(canonical || pageHref);
  url.search = '';
  url.hash = id;
  return url.href;
}
