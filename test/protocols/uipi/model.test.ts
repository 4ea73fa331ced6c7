/**
 * The UIPI model on its own: configuration loading names the wrong field; `enabled` is exactly
 * what `step` accepts; `stateKey` is canonical; the Skyloft preset's reachable state space is
 * explored exhaustively (finite and small) with every invariant holding on every state; and a
 * few hand-written runs show the protocol's steps (coalescing, switch-in self-IPI, wait and wake).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../../model/configFile.ts';
import { uipiStorm } from '../../../protocols/uipi/engine/uipiStorm.ts';
import {
  enabled,
  initialUipi,
  parseUipiConfig,
  setBits,
  stateKey,
  step,
  UIPI_PRESETS,
  UIPI_SKYLOFT,
  UIPI_SMALL,
  type UipiConfig,
  type UipiEvent,
  type UipiState,
  uipiEventTable,
} from '../../../protocols/uipi/model/index.ts';
import type { UipiStepContext } from '../../../protocols/uipi/properties/context.ts';
import { UIPI_STEP_PROPERTIES } from '../../../protocols/uipi/properties/index.ts';
import { runs, SEED } from '../../support/seed.ts';

/** Runs `events` through `step`, failing the test on a rejected one. */
function walk(cfg: UipiConfig, events: readonly UipiEvent[]): UipiState {
  let s = initialUipi(cfg);
  for (const e of events) {
    const r = step(cfg, s, e);
    if (r.kind === 'rejected') throw new Error(`${e.type} rejected: ${r.reason}`);
    s = r.state;
  }
  return s;
}

describe('UIPI configuration', () => {
  test('presets are valid, and a file may leave fields out (small values)', () => {
    for (const cfg of Object.values(UIPI_PRESETS)) expect(parseUipiConfig({ ...cfg })).toEqual(cfg);
    expect(parseUipiConfig({})).toEqual(UIPI_SMALL);
  });
  test.each([
    [{ cpus: 0 }, 'field "cpus": 0 is outside the allowed 1..64'],
    [{ vectors: 65 }, 'field "vectors": 65 is outside'],
    [{ receivers: 3 }, 'field "receivers": 3 receivers need at least as many cpus (2)'],
    [{ timer: 3 }, 'field "timer": vector 3 is not below vectors (3)'],
    [{ cpu: 2 }, 'field "cpu": unknown field'],
    [{ senders: 1.5 }, 'field "senders": expected an integer'],
    [[], 'expected a JSON object'],
  ])('%j is refused naming the field', (input, message) => {
    expect(() => parseUipiConfig(input)).toThrow(ConfigError);
    expect(() => parseUipiConfig(input)).toThrow(message);
  });
});

describe('UIPI step, enabled and stateKey', () => {
  test('enabled lists exactly the events step accepts, on random storms', () => {
    const cfg = UIPI_SMALL;
    fc.assert(
      fc.property(uipiStorm(cfg, { maxEvents: 40 }), (storm) => {
        let s = initialUipi(cfg);
        for (const e of storm) {
          const on = enabled(cfg, s);
          for (const x of on) expect(step(cfg, s, x).kind).toBe('accepted');
          const all = [...uipiEventTable(cfg), ...storm];
          // an event is listed when one of `on` has its JSON (each JSON written once, not per pair)
          const onJson = new Set(on.map((y) => JSON.stringify(y)));
          for (const x of all) {
            const listed = onJson.has(JSON.stringify(x));
            expect(step(cfg, s, x).kind === 'accepted').toBe(listed);
          }
          const r = step(cfg, s, e);
          if (r.kind === 'accepted') s = r.state;
        }
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });

  test('the Skyloft preset is finite: every reachable step satisfies every ghost-free property (exhaustive)', () => {
    const cfg = UIPI_SKYLOFT;
    // The ghost-based ones (no loss, no fabrication) need a run's history; refinement needs an implementation.
    const GHOST = ['uipiNoLoss', 'uipiNoFabrication', 'uipiRefinement'];
    const judged = UIPI_STEP_PROPERTIES.filter((p) => !GHOST.includes(p.id));
    const none = Array.from({ length: cfg.receivers }, () => 0n);
    const start = initialUipi(cfg);
    const seen = new Map<string, UipiState>([[stateKey(start), start]]);
    let frontier = [start];
    while (frontier.length > 0) {
      const next: UipiState[] = [];
      for (const s of frontier) {
        for (const e of enabled(cfg, s)) {
          const r = step(cfg, s, e);
          if (r.kind !== 'accepted') throw new Error('enabled but rejected');
          const ctx: UipiStepContext = {
            cfg,
            index: 0,
            event: e,
            accepted: true,
            before: s,
            after: r.state,
            owedBefore: none,
            owedAfter: none,
            creditBefore: [],
            expected: undefined,
          };
          for (const p of judged) expect(p.check(ctx), p.id).toBeNull();
          const k = stateKey(r.state);
          const old = seen.get(k);
          if (old !== undefined) {
            expect(JSON.stringify(old, (_k, v) => (typeof v === 'bigint' ? `${v}` : v))).toBe(
              JSON.stringify(r.state, (_k, v) => (typeof v === 'bigint' ? `${v}` : v)),
            );
            continue;
          }
          seen.set(k, r.state);
          next.push(r.state);
        }
      }
      frontier = next;
    }
    // 960 before the model had kernel entry and exit (the receiver's `kernel` phase).
    expect(seen.size).toBe(1200);
  });

  test('two sends of one vector coalesce into one PIR bit and one notification', () => {
    const s = walk(UIPI_SMALL, [
      { type: 'Send', sender: 0, index: 0 },
      { type: 'SendIpi', sender: 0 },
      { type: 'Send', sender: 1, index: 1 },
    ]);
    expect(s.upids[0]?.pir).toBe(1n);
    expect(s.inflight).toEqual([0xec]);
    expect(s.senders.map((x) => x.held)).toEqual([-1, -1]);
  });

  test('a send while switched out only posts; switch-in sends the self-IPI; delivery takes the highest vector', () => {
    const s = walk(UIPI_SMALL, [
      { type: 'SwitchOutSn', receiver: 0 },
      { type: 'Send', sender: 0, index: 1 },
      { type: 'Send', sender: 1, index: 0 },
      { type: 'SwitchOutSave', receiver: 0 },
      { type: 'SwitchInRestore', receiver: 0, cpu: 1 },
      { type: 'SwitchInClearSn', receiver: 0 },
      { type: 'SwitchInCheckPir', receiver: 0 },
      { type: 'Accept', cpu: 1, vector: 0xec },
      { type: 'NotifyDrain', cpu: 1 },
      { type: 'Deliver', receiver: 0 },
    ]);
    expect(s.upids[0]).toMatchObject({ on: false, sn: false, ndst: 1, pir: 0n });
    expect(s.receivers[0]).toMatchObject({ uirr: 0b010n, hvec: 2, uif: false, cpu: 1 });
  });

  test('uintr_wait sleeps, a send wakes it through the kernel vector, the wake restores NV', () => {
    const s = walk(UIPI_SMALL, [
      { type: 'WaitSwitchNv', receiver: 0 },
      { type: 'WaitRecheck', receiver: 0 },
      { type: 'WaitSleep', receiver: 0 },
      { type: 'Send', sender: 0, index: 0 },
      { type: 'SendIpi', sender: 0 },
      { type: 'IpiArrive', cpu: 0, vector: 0xeb },
      { type: 'Accept', cpu: 0, vector: 0xeb },
      { type: 'WakeRestoreNv', receiver: 0 },
    ]);
    expect(s.receivers[0]?.phase).toBe('off');
    expect(s.upids[0]).toMatchObject({ on: true, sn: true, nv: 0xec, pir: 1n });
  });
});

describe('setBits', () => {
  test('lists exactly the set bits of a 256-bit mask, lowest first (against a bit-by-bit scan)', () => {
    const naive = (m: bigint): number[] => {
      const out: number[] = [];
      for (let v = 0; v < 256; v++) if (((m >> BigInt(v)) & 1n) === 1n) out.push(v);
      return out;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), (m) => {
        expect(setBits(m)).toEqual(naive(m));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
    expect(setBits(0n)).toEqual([]);
    expect(setBits((1n << 255n) | (1n << 31n) | (1n << 32n) | 1n)).toEqual([0, 31, 32, 255]);
  });
});
