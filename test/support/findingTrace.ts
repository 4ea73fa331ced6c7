/**
 * What every findings table promises of one finding's trace (the published designs' and TAIC's):
 * a saved one exists and was found in its design by its property; an unsaved one says why.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readTrace } from '../../protocols/readTrace.ts';

/** One finding as the tables write it (only what this check reads). */
export type FindingTrace = { readonly design: string; readonly property: string } & (
  | { readonly trace: string }
  | { readonly trace: null; readonly unsaved: string }
);

/** Checks `f`'s trace, a path from the repository root `root`, or its reason for having none. */
export function expectFindingTrace(root: string, f: FindingTrace): void {
  if (f.trace === null) {
    expect(f.unsaved.trim().length).toBeGreaterThan(0);
    return;
  }
  const file = join(root, f.trace);
  expect(existsSync(file), f.trace).toBe(true);
  const parsed = readTrace(file).header;
  expect([parsed.implementation, parsed.meta.property]).toEqual([f.design, f.property]);
}
