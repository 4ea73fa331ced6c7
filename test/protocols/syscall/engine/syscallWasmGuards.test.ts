/**
 * The syscall wasm search's set-up without a JavaScript successor function
 * (protocols/syscall/engine/wasm/syscallWasmExplore.ts): the one-byte guards' tables the wasm code
 * builds (assembly/syscallWasmGuards.ts) are the JavaScript successor function's (`guardBytes`,
 * `passMasks`, `refuseMasks`, syscallPackedSuccessors.ts) byte for byte, and so is the initial node
 * it writes (assembly/syscallWasmSuccessors.ts syscallInitial) the JavaScript's `initial()` (the
 * step judge's initial node), on every syscall exploration preset and the tests' configurations,
 * and with selections without the controller properties or with one syscall property; the drain's
 * tables it builds (assembly/syscallWasmSearch.ts drainTables) are the JavaScript's too (the
 * successor function's `drainN`, `drainIx`, and each process's STATUS write online as
 * syscallPackedExplore.ts finds it).
 */
import { describe, expect, it } from 'vitest';
import { EXPLORE_PRESETS } from '../../../../engine/explore/explorePresets.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { SyscallPackedSuccessors } from '../../../../protocols/syscall/engine/packed/syscallPackedSuccessors.ts';
import { syscallWasmInstance } from '../../../../protocols/syscall/engine/wasm/syscallWasmInstance.ts';
import {
  defaultSyscallPropertyIds,
  type SyscallSelection,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { ROTATING_DISPATCHERS, TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The tables and the initial node the wasm code builds on `cfg` judged by `sel`, copied out of its memory. */
function wasmTables(
  cfg: Config,
  sel: SyscallSelection = SEL,
): {
  guardBytes: Int32Array;
  passMasks: Int32Array;
  refuseMasks: Int32Array;
  initial: Uint8Array;
  status: Int32Array;
  drainN: Int32Array;
  drainIx: Int32Array;
} {
  const { w, L, events } = syscallWasmInstance(cfg, sel, null, null);
  const input = w.searchStart(1 << 4, cfg.drainBound, 0, Math.max(cfg.processes, events.length) + 1);
  const initial = new Uint8Array(w.memory.buffer, input, L.width).slice();
  const n = w.searchGuards();
  const size = n * 256 * ((events.length + 31) >> 5);
  const table = (which: number, length: number): Int32Array =>
    new Int32Array(w.memory.buffer, w.searchGuardTable(which), length).slice();
  const rows = (cfg.processes + L.agentCount) * 9;
  const drain = (which: number, length: number): Int32Array =>
    new Int32Array(w.memory.buffer, w.searchDrainTable(which), length).slice();
  return {
    guardBytes: table(0, n),
    passMasks: table(1, size),
    refuseMasks: table(2, size),
    initial,
    status: drain(0, cfg.processes),
    drainN: drain(1, rows),
    drainIx: drain(2, rows * 4),
  };
}

const CONFIGS: readonly (readonly [string, Config])[] = [
  ...Object.entries(EXPLORE_PRESETS.syscall ?? {}),
  ['large (the spec’s small with one dispatcher)', { ...SMALL, dispatchers: 1 }],
  ['two dispatchers', TWO_DISPATCHERS],
  ['two callers', TWO_CALLERS],
  ['rotating dispatchers', ROTATING_DISPATCHERS],
];

describe('the syscall wasm search set up without the JavaScript successors', () => {
  it('covers every syscall exploration preset', () => {
    expect(Object.keys(EXPLORE_PRESETS.syscall ?? {}).length).toBeGreaterThanOrEqual(4);
  });

  it.each(CONFIGS)('builds the one-byte guard tables of %s byte for byte', (_, cfg) => {
    const js = new SyscallPackedSuccessors(cfg, { ...SEL, liveness: [] });
    const got = wasmTables(cfg);
    expect(got.guardBytes.length).toBeGreaterThan(0);
    expect([...got.guardBytes]).toEqual([...js.guardBytes]);
    expect(hex(new Uint8Array(got.passMasks.buffer))).toBe(hex(new Uint8Array(js.passMasks.buffer)));
    expect(hex(new Uint8Array(got.refuseMasks.buffer))).toBe(hex(new Uint8Array(js.refuseMasks.buffer)));
  });

  it.each(CONFIGS)('writes the initial node of %s as the step judge has it', (_, cfg) => {
    const js = new SyscallPackedSuccessors(cfg, { ...SEL, liveness: [] });
    expect(hex(wasmTables(cfg).initial)).toBe(hex(js.initial()));
  });

  it.each(CONFIGS)('builds the drain tables of %s as the JavaScript has them', (_, cfg) => {
    const js = new SyscallPackedSuccessors(cfg, { ...SEL, liveness: [] });
    // the successor function's own tables (private: read for this comparison only)
    const { drainN, drainIx } = js as unknown as { drainN: Int32Array; drainIx: Int32Array };
    const got = wasmTables(cfg);
    expect([...got.drainN]).toEqual([...drainN]);
    expect([...got.drainIx]).toEqual([...drainIx]);
    expect(got.drainN.some((n) => n === 4)).toBe(true);
    const status = Array.from({ length: cfg.processes }, (_, p) =>
      js.events.findIndex((e) => e.type === 'StatusWrite' && e.p === p && e.data === 1n),
    );
    expect([...got.status]).toEqual(status);
  });

  it.each([
    [
      'no controller property',
      selectSyscallProperties(['exactlyOnceReply', 'everyRequestAnswered'], undefined),
    ],
    ['one syscall property', selectSyscallProperties(['boundedRing'], undefined)],
  ])('writes the initial node with %s selected as the step judge has it', (_, sel) => {
    for (const [, cfg] of CONFIGS) {
      const js = new SyscallPackedSuccessors(cfg, { ...sel, liveness: [] });
      expect(hex(wasmTables(cfg, sel).initial)).toBe(hex(js.initial()));
    }
  });
});
