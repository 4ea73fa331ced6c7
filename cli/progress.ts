/**
 * A progress bar on standard error, shown only on a terminal, only without --json, and only once
 * a run has lasted a second; it erases itself when done.
 */
import { performance } from 'node:perf_hooks';
import type { Io } from './io.ts';

export interface Progress {
  tick(done: number): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function progressBar(label: string, total: number, enabled: boolean, io: Io): Progress {
  if (!enabled || !io.progressTty) return SILENT;
  const start = performance.now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const now = performance.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const width = 30;
      const frac = Math.min(1, done / Math.max(1, total));
      const filled = Math.round(frac * width);
      io.progress(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`);
    },
    done() {
      if (shown) io.progress('\r\x1b[2K');
    },
  };
}
