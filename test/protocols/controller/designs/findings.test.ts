/**
 * The findings of the published designs (protocols/controller/designs/ats-intc-qemu/findings.ts,
 * …/ats-intc-chisel/findings.ts): every record names its design, a known property and an upstream
 * line of that design's code; a saved finding's trace exists, was found in that design by that
 * property, and every saved trace of the two designs is in a list; an unsaved one says why; each
 * design's expected violations are the properties of its findings, and it names its list.
 * (test/traces/saved.test.ts replays the traces themselves; test/protocols/findingsTable.test.ts
 * hunts every finding.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Finding, findingProperties } from '../../../../model/finding.ts';
import { ATS_INTC_CHISEL_FINDINGS } from '../../../../protocols/controller/designs/ats-intc-chisel/findings.ts';
import { ATS_INTC_QEMU_FINDINGS } from '../../../../protocols/controller/designs/ats-intc-qemu/findings.ts';
import { findControllerImpl } from '../../../../protocols/controller/designs/registry.ts';
import { findProperty } from '../../../../protocols/registry.ts';
import { expectFindingTrace } from '../../../support/findingTrace.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
/** Each design's list, and the upstream paths of its repository (then `:line` or `:first-last`). */
const DESIGNS: readonly (readonly [string, readonly Finding[], RegExp])[] = [
  ['ats-intc-qemu', ATS_INTC_QEMU_FINDINGS, /^hw\/ats\/[\w.]+\.c:(\d+)(-(\d+))?$/],
  ['ats-intc-chisel', ATS_INTC_CHISEL_FINDINGS, /^src\/main\/scala\/atsintc\/\w+\.scala:(\d+)(-(\d+))?$/],
];
const FINDINGS = DESIGNS.flatMap(([design, list, upstream]) =>
  list.map((f) => [design, f, upstream] as const),
);

describe('the findings of the published designs', () => {
  test.each(FINDINGS.map(([design, f, upstream], i) => [i, design, f, upstream] as const))(
    '%i (%s): its design, a property, an upstream line',
    (_i, design, f, upstream) => {
      expect(f.design).toBe(design);
      expect(findProperty(f.property)?.id).toBe(f.property);
      const m = upstream.exec(f.upstream);
      expect(m, f.upstream).not.toBeNull();
      const [first, last] = [Number(m?.[1]), Number(m?.[3] ?? m?.[1])];
      expect(first).toBeLessThanOrEqual(last);
      expect(f.bug.trim().length).toBeGreaterThan(0);
    },
  );

  test.each(FINDINGS.map(([design, f], i) => [i, design, f] as const))(
    '%i (%s): its trace was found in its design by its property, or it says why none is saved',
    (_i, _design, f) => expectFindingTrace(ROOT, f),
  );

  test.each(DESIGNS)(
    '%s: every saved trace is a finding; its expected violations are its findings’ properties, and it names them',
    (design, list) => {
      const saved = readdirSync(join(ROOT, 'traces', 'saved'))
        .filter((name) => name.includes(`--${design}--`))
        .map((name) => `traces/saved/${name}`);
      const listed = list.flatMap((f) => (f.trace !== null ? [f.trace] : []));
      expect([...listed].sort()).toEqual(saved.sort());
      const impl = findControllerImpl(design);
      expect(impl?.expectedViolations).toEqual(findingProperties(list));
      expect(impl?.findings).toBe(list);
    },
  );
});
