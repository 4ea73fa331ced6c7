/**
 * The saved counterexamples (traces/saved): every file is named after its #meta and carries a
 * note, is listed in the README with it, still fails with its property on the design it was
 * found in, and passes on the reference (its protocol's: a UIPI trace on the UIPI reference);
 * each published design has a saved lost wakeup of the wakeup system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTrace } from '../../protocols/readTrace.ts';
import { replayOn } from './replayOn.ts';

const DIR = join(import.meta.dirname, '..', '..', 'traces', 'saved');
const NAME = /^([a-z]+)--([\w.-]+?)--(\w+)(--[\w.-]+)?\.itf\.json$/;
const files = readdirSync(DIR).filter((f) => f.endsWith('.itf.json'));
/** The published designs of spec/controller.md §7 (TAIC: spec/taic.md). */
const PUBLISHED_DESIGNS = ['ats-intc-qemu', 'ats-intc-chisel', 'taic'];

describe('saved counterexamples (traces/saved)', () => {
  test('every file is named <protocol>--<impl>--<property>.itf.json after its #meta and has a note', () => {
    for (const f of files) {
      const m = NAME.exec(f);
      expect(m, f).not.toBeNull();
      const parsed = readTrace(join(DIR, f)).header;
      expect([parsed.protocol, parsed.implementation, parsed.meta.property], f).toEqual([
        m?.[1],
        m?.[2],
        m?.[3],
      ]);
      expect(parsed.meta.note?.trim(), f).toBeTruthy();
    }
  });

  test('the README lists every file with its note', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of files) {
      const note = readTrace(join(DIR, f)).header.meta.note ?? '';
      expect(readme, f).toContain(`| \`${f}\` | ${note} |`);
    }
  });

  test.each(PUBLISHED_DESIGNS)('%s: a lost wakeup of the wakeup system is saved', (design) => {
    expect(files).toContain(`wakeup--${design}--noLostWakeup.itf.json`);
  });

  for (const f of files) {
    test(`${f}: fails on the design it was found in, passes on the reference`, () => {
      const trace = readTrace(join(DIR, f));
      const { implementation, meta } = trace.header;
      if (implementation !== 'reference') {
        // Replayed afresh with every property, it fails, and its property is among those that fail at
        // the failing step (another may come first in registry order at that same step).
        const found = replayOn(trace, implementation).verdict;
        expect(found.ok ? ['passes'] : found.violations.map((v) => v.property)).toContain(meta.property);
      }
      const onReference = replayOn(trace, 'reference').verdict;
      expect(onReference.ok ? 'passes' : onReference.violation.property).toBe('passes');
    });
  }
});
