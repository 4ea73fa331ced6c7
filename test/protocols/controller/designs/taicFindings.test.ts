/**
 * TAIC's findings (protocols/controller/designs/taic/findings.ts) are exact: one finding per saved
 * TAIC trace and a saved trace for every finding that names one, found in TAIC by the finding's
 * property (test/traces/saved.test.ts replays them); an unsaved finding says why; every finding
 * names a known property and an upstream place; TAIC's expected violations are their properties.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  TAIC_FINDINGS,
  taicFindingProperties,
} from '../../../../protocols/controller/designs/taic/findings.ts';
import { taic } from '../../../../protocols/controller/designs/taic/taic.ts';
import { findProperty } from '../../../../protocols/registry.ts';
import { expectFindingTrace } from '../../../support/findingTrace.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const SAVED = readdirSync(join(ROOT, 'traces', 'saved')).filter((f) =>
  /^[a-z]+--taic--.*\.itf\.json$/.test(f),
);
/** A path under taic/src/main/scala/, then `:line`, `:first-last`, or a comma list of them. */
const UPSTREAM = /^(utils\/)?[A-Z]\w+\.scala:\d+(-\d+)?(,\d+(-\d+)?)*$/;

describe('taic findings.ts', () => {
  test('one finding per saved TAIC trace, and a saved trace for every finding that names one', () => {
    const listed = TAIC_FINDINGS.flatMap((f) => (f.trace === null ? [] : [f.trace]));
    expect(listed.sort()).toEqual(SAVED.map((f) => `traces/saved/${f}`).sort());
  });

  test.each(TAIC_FINDINGS.map((f, i) => [i, f.property, f] as const))('%i %s', (_i, _p, f) => {
    expect(f.design).toBe('taic');
    expect(findProperty(f.property)?.id).toBe(f.property);
    expect(f.upstream).toMatch(UPSTREAM);
    expect(f.bug.trim().length).toBeGreaterThan(0);
    expectFindingTrace(ROOT, f);
  });

  test("TAIC's expected violations are its findings' properties", () => {
    expect(taic.expectedViolations).toEqual(taicFindingProperties());
  });
});
