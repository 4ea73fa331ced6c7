/**
 * The findings table of the published designs (protocols/controller/designs/findings.ts): every
 * record names a registered design, a known property and an upstream line; a saved finding's
 * trace exists, was found in that design by that property, and every saved trace of the two
 * designs is in the table; an unsaved one says why; each design's expected violations are the
 * properties of its findings. (test/traces/saved.test.ts replays the traces themselves.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINDINGS, findingProperties } from '../../../../protocols/controller/designs/findings.ts';
import { findControllerImpl } from '../../../../protocols/controller/designs/registry.ts';
import { findProperty } from '../../../../protocols/registry.ts';
import { expectFindingTrace } from '../../../support/findingTrace.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const DESIGNS = ['ats-intc-qemu', 'ats-intc-chisel'] as const;
/** A path in the upstream repository, then `:line` or `:first-last`. */
const UPSTREAM = /^(hw\/ats\/[\w.]+\.c|src\/main\/scala\/atsintc\/\w+\.scala):(\d+)(-(\d+))?$/;

describe('the findings table', () => {
  test.each(FINDINGS.map((f, i) => [i, f] as const))(
    '%i: a design, a property, an upstream line',
    (_i, f) => {
      expect(findControllerImpl(f.design)?.name).toBe(f.design);
      expect(findProperty(f.property)?.id).toBe(f.property);
      const m = UPSTREAM.exec(f.upstream);
      expect(m, f.upstream).not.toBeNull();
      const [first, last] = [Number(m?.[2]), Number(m?.[4] ?? m?.[2])];
      expect(first).toBeLessThanOrEqual(last);
      expect(f.upstream.startsWith('hw/') ? 'ats-intc-qemu' : 'ats-intc-chisel').toBe(f.design);
      expect(f.bug.trim().length).toBeGreaterThan(0);
    },
  );

  test.each(FINDINGS.map((f, i) => [i, f] as const))(
    '%i: its trace was found in its design by its property, or it says why none is saved',
    (_i, f) => expectFindingTrace(ROOT, f),
  );

  test.each(DESIGNS)(
    '%s: every saved trace is a finding, and its expected violations are its findings’ properties',
    (design) => {
      const saved = readdirSync(join(ROOT, 'traces', 'saved'))
        .filter((name) => name.includes(`--${design}--`))
        .map((name) => `traces/saved/${name}`);
      const listed = FINDINGS.flatMap((f) => (f.design === design && f.trace !== null ? [f.trace] : []));
      expect([...listed].sort()).toEqual(saved.sort());
      expect(findControllerImpl(design)?.expectedViolations).toEqual(findingProperties(design));
    },
  );
});
