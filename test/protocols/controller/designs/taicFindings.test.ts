/**
 * findings.ts is exact: one finding per saved TAIC trace and one saved trace per finding, each
 * naming the property its trace records and reports first (test/traces/saved.test.ts replays
 * them), and an upstream place as `file.scala:line[-line][,…]`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TAIC_FINDINGS } from '../../../../protocols/controller/designs/taic/findings.ts';
import { readTrace } from '../../../../traces/readTrace.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const SAVED = readdirSync(join(ROOT, 'traces', 'saved')).filter((f) =>
  /^[a-z]+--taic--.*\.itf\.json$/.test(f),
);

describe('taic findings.ts', () => {
  test('one finding per saved TAIC trace, and one saved trace per finding', () => {
    expect(TAIC_FINDINGS.map((f) => f.trace).sort()).toEqual(SAVED.map((f) => `traces/saved/${f}`).sort());
  });

  test.each(TAIC_FINDINGS.map((f) => [f.trace, f] as const))('%s', (_t, f) => {
    expect(f.design).toBe('taic');
    expect(f.upstream).toMatch(/^(utils\/)?[A-Z]\w+\.scala:\d+(-\d+)?(,\d+(-\d+)?)*$/);
    expect(f.bug.trim().length).toBeGreaterThan(0);
    expect(readTrace(join(ROOT, f.trace)).meta.property).toBe(f.property);
  });
});
