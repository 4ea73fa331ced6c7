/**
 * `intcheck replay FILE --html OUT.html`: the replayed trace as a timeline page, written
 * atomically; a page that cannot be written is a one-line usage error, not a stack trace.
 */

import type { Timeline } from '../../pictures/timeline/timeline.ts';
import { timelinePage } from '../../pictures/timeline/timelinePage.ts';
import { writeTextAtomic } from '../../traces/writeTextAtomic.ts';
import { UsageError } from '../errors.ts';

/** Writes the timeline page of a replay to `path`. */
export function writeReplayHtml(path: string, timeline: Timeline): void {
  writeHtml('--html', path, timelinePage(timeline));
}

/** Writes a generated page to `path`, naming `option` in the one-line error when it cannot. */
export function writeHtml(option: string, path: string, html: string): void {
  try {
    writeTextAtomic(path, html);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${option}: cannot write ${path} (${code})`);
  }
}
