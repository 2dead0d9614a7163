/**
 * How often a build does its expensive work: structural parses of chapters, content checks (and the
 * parses they make of their own, none when they reuse the structural pass), renders, .bib parses,
 * citation engines built and citation registrations. `npm run bench:scale` reads them (the build
 * prints them when BOOK_COUNTS=1) to show that each happens once per chapter or once per build.
 */
import { processWide } from './process-wide.js';

export type CountedWork = 'structural parses' | 'renders' | 'content checks' | 'content check parses' | 'bib parses' | 'citation engines' | 'citation registrations';

const counts = processWide('build-counts', () => new Map<CountedWork, number>());

export function countWork(work: CountedWork): void {
  counts.set(work, (counts.get(work) ?? 0) + 1);
}

/** `structural parses 15, renders 15, …`: the line the build prints and the benchmark parses. */
export function describeCounts(): string {
  const order: CountedWork[] = ['structural parses', 'content checks', 'content check parses', 'renders', 'bib parses', 'citation engines', 'citation registrations'];
  return order.map((work) => `${work} ${counts.get(work) ?? 0}`).join(', ');
}
