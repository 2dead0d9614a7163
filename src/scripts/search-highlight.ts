/**
 * On a page opened from a search result (`?highlight=term`), mark the searched terms in the chapter
 * and bring the first one into view unless the link already targets a section.
 */
export function highlightSearchTerms(terms: string[]): void {
  const words = terms.flatMap((term) => term.split(/\s+/)).filter((word) => word.length > 1);
  const body = document.querySelector('.chapter-body');
  if (!body || words.length === 0) return;
  const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex, script, style, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const parts = text.data.split(pattern);
    if (parts.length === 1) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, index) => {
      if (index % 2 === 1) {
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = part;
        fragment.append(mark);
      } else if (part) fragment.append(part);
    });
    text.replaceWith(fragment);
  }
  if (!location.hash) document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
}
