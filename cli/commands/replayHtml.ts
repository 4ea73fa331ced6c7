/**
 * `intcheck replay FILE --html OUT.html`: the replayed trace as a timeline page, written
 * atomically; a page that cannot be written is a one-line usage error, not a stack trace.
 */

import { replayTimeline } from '../../pictures/timeline/replayTimeline.ts';
import { timelinePage } from '../../pictures/timeline/timelinePage.ts';
import type { ControllerImpl } from '../../protocols/controller/designs/device.ts';
import type { ParsedTrace } from '../../protocols/readTrace.ts';
import type { ReplayResult } from '../../replay/replay.ts';
import { writeTextAtomic } from '../../traces/writeTextAtomic.ts';
import { UsageError } from '../errors.ts';

/** Writes the timeline of `parsed` replayed as `result` to `path`. */
export function writeReplayHtml(
  path: string,
  parsed: ParsedTrace,
  result: ReplayResult,
  impl: ControllerImpl | undefined,
): void {
  writeHtml('--html', path, timelinePage(replayTimeline(parsed, result, impl)));
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
