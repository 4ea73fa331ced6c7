/**
 * What every design's findings list promises of one finding's trace (model/finding.ts): a saved
 * one exists, was found in its design on its protocol by its property (or, where its replay fails
 * first with another, is named after that one), and shows the finding's message when the finding
 * gives one; an unsaved one says why.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../model/finding.ts';
import { readTrace } from '../../protocols/readTrace.ts';

/** Checks `f`'s trace, a path from the repository root `root`, or its reason for having none. */
export function expectFindingTrace(root: string, f: Finding): void {
  if (f.trace === null) {
    expect(f.unsaved.trim().length).toBeGreaterThan(0);
    return;
  }
  const file = join(root, f.trace);
  expect(existsSync(file), f.trace).toBe(true);
  const parsed = readTrace(file).header;
  const named = f.replayFailsFirst ?? f.property;
  expect([parsed.protocol, parsed.implementation, parsed.meta.property]).toEqual([
    f.protocol,
    f.design,
    named,
  ]);
  expect(f.trace.startsWith(`traces/saved/${f.protocol}--${f.design}--${named}`), f.trace).toBe(true);
  if (f.shows !== undefined) expect(parsed.meta.message ?? '', f.trace).toMatch(f.shows);
}
