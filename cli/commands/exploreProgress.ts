/**
 * The explorer's progress line on standard error, like TLC's: states generated, distinct states,
 * distinct states per second and the queue, at most once a second, only on a terminal and only
 * without --json; it erases itself when the search ends.
 */
import { performance } from 'node:perf_hooks';
import type { ExploreProgress } from '../../engine/explore/explore.ts';
import { thousands } from '../../model/thousands.ts';
import type { Io } from '../io.ts';

export interface ExploreProgressLine {
  readonly tick: (p: ExploreProgress) => void;
  done(): void;
}

export function exploreProgress(label: string, enabled: boolean, io: Io): ExploreProgressLine {
  if (!enabled || !io.progressTty) return { tick: () => {}, done() {} };
  const start = performance.now();
  let last = start;
  let shown = false;
  return {
    tick(p) {
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      shown = true;
      const rate = Math.round(p.distinct / ((now - start) / 1000));
      io.progress(
        `\r\x1b[2K${label}: depth ${p.depth}, ${thousands(p.transitions)} states generated, ${thousands(p.distinct)} distinct (${thousands(rate)}/s), ${thousands(p.queue)} on queue`,
      );
    },
    done() {
      if (shown) io.progress('\r\x1b[2K');
    },
  };
}
