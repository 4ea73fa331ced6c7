/** The page `intcheck replay FILE --html OUT.html` writes: one timeline, self-contained. */
import { htmlPage } from '../html/htmlPage.ts';
import { renderTimeline } from './renderTimeline.ts';
import type { Timeline } from './timeline.ts';

/** The whole HTML page of one timeline. */
export function timelinePage(t: Timeline): string {
  return htmlPage(t.title, `<h1>intcheck replay</h1>\n${renderTimeline(t, 'timeline-0')}`);
}
