/**
 * Every assertion of the formal checker can fail: for each property, a seeded RTL bug (or, where
 * no bug breaks it within a bounded check's reach, a checker mutation) and the cycle at which
 * bounded model checking finds it. The suite checks that cycle alone (`from`: the cycles before
 * it are only constrained), at configurations small enough for a fast check: every case is the
 * shortest counterexample at its configuration, found by the same flow checking every cycle (the
 * lengths at the small preset are in docs/formal.md, from `npm run formal:full`).
 */
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { CHECKER_MUTATIONS } from '../../../../protocols/controller/formal/checkerMutations.ts';
import { runFormalFlow } from '../../../../protocols/controller/formal/formalFlow.ts';
import {
  FORMAL_PROPERTIES,
  type FormalProperty,
} from '../../../../protocols/controller/formal/formalProperties.ts';
import { seededBugs } from '../../../../protocols/controller/formal/seededBugs.ts';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { tempDir } from '../../../engine/dut/runMain.ts';

/** The small preset with one interrupt line, one IPC type and pending counters of 1: fewer registers, same behaviours. */
const tiny = (processes: number, capacity: number): Config => ({
  ...SMALL,
  processes,
  capacity,
  devices: 1,
  ipcTypes: 1,
  pendingMax: 1,
});

interface Case {
  readonly property: FormalProperty;
  /** A seeded bug's name, or a checker mutation's. */
  readonly by: string;
  readonly cfg: Config;
  /** The cycle of the shortest counterexample at `cfg`. */
  readonly depth: number;
}

const CASES: readonly Case[] = [
  { property: 'strictPriority', by: 'prio-enc-reversed', cfg: tiny(1, 2), depth: 12 },
  { property: 'fifoWithinPriority', by: 'wake-to-kernel', cfg: tiny(2, 1), depth: 13 },
  { property: 'taskConservation', by: 'free-leak-on-refuse', cfg: tiny(2, 1), depth: 9 },
  { property: 'processIsolation', by: 'watched-in-last-process', cfg: tiny(2, 1), depth: 9 },
  { property: 'emptyMeansEmpty', by: 'wake-to-kernel', cfg: tiny(2, 1), depth: 9 },
  { property: 'capacityBound', by: 'full-off-by-one', cfg: tiny(2, 1), depth: 5 },
  { property: 'errorReporting', by: 'error-not-cleared', cfg: tiny(2, 1), depth: 7 },
  { property: 'neverStalls', by: 'no-access-recorded', cfg: tiny(2, 1), depth: 4 },
  { property: 'noLostWakeup', by: 'edge-lost-on-accept', cfg: tiny(2, 1), depth: 4 },
  { property: 'noSpuriousWakeup', by: 'send-target-truncated', cfg: tiny(2, 1), depth: 11 },
  { property: 'fifoWaiters', by: 'waiter-pop-tail', cfg: tiny(1, 2), depth: 13 },
  { property: 'wakePriority', by: 'wake-to-kernel', cfg: tiny(2, 1), depth: 9 },
];

const out = tempDir();
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('every formal assertion can fail', () => {
  test('each property has a case', () => {
    expect(CASES.map((c) => c.property)).toEqual([...FORMAL_PROPERTIES]);
  });

  test.each(CASES)('$property fails at cycle $depth on $by', async (c) => {
    const bug = seededBugs().find((b) => b.name === c.by);
    const mutation = CHECKER_MUTATIONS.find((m) => m.name === c.by);
    expect(bug !== undefined || mutation?.property === c.property).toBe(true);
    const [row] = await runFormalFlow({
      cfg: c.cfg,
      bug,
      ...(mutation === undefined ? {} : { mutation }),
      properties: [c.property],
      depth: c.depth,
      from: c.depth,
      inductionDepth: 0,
      out,
      jobs: 1,
      timeoutMs: 120_000,
    });
    expect(row).toMatchObject({ id: c.property, verdict: 'fails', depth: c.depth });
    if (row?.verdict !== 'fails') return;
    expect(row.assertions.every((a) => a.startsWith(`u_chk.${c.property}_`))).toBe(true);
    expect(existsSync(row.trace)).toBe(true);
  });
});
