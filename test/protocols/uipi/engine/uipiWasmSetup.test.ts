/**
 * The UIPI wasm search's set-up without JavaScript tables (protocols/uipi/engine/wasm/assembly/
 * uipiWasmSetup.ts, what uipiWasmExplore.ts runs): the layout's word indices, the numbered events,
 * the judge's property bits, the initial node and the key masks the wasm code computes from the
 * configuration's numbers are the JavaScript modules' it ports (uipiPackedLayout.ts,
 * uipiPackedEvents.ts, uipiPackedJudge.ts, model/state.ts and properties/ghost.ts,
 * keyedAdmission.ts) word for word, on every UIPI preset and exploration preset the packed layout
 * holds, bench/spinCompare.ts's rows and a few shapes more, keyed and by covering, under each
 * seeded bug's code; and a set-up corrupted on purpose is told apart, so the comparison can fail.
 */
import { describe, expect, it } from 'vitest';
import { UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { uipiKeyedMasks } from '../../../../protocols/uipi/engine/packed/keyedAdmission.ts';
import { uipiPackedEvents } from '../../../../protocols/uipi/engine/packed/uipiPackedEvents.ts';
import { BYTE_JUDGED, propertyBit } from '../../../../protocols/uipi/engine/packed/uipiPackedJudge.ts';
import {
  encodeUipiGhost,
  encodeUipiState,
  uipiKeyMasks,
  uipiPackedLayout,
  uipiUnpackable,
  WAITING_PHASES,
} from '../../../../protocols/uipi/engine/packed/uipiPackedLayout.ts';
import type { UipiPackedMutation } from '../../../../protocols/uipi/engine/packed/uipiPackedMutation.ts';
import { searchUipiWasm } from '../../../../protocols/uipi/engine/wasm/uipiWasmExplore.ts';
import {
  setUpUipiWasm,
  type UipiWasm,
  uipiWasmFresh,
  uipiWasmInstance,
} from '../../../../protocols/uipi/engine/wasm/uipiWasmModule.ts';
import { UIPI_PRESETS, UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { initialUipi } from '../../../../protocols/uipi/model/state.ts';
import { initialCredit, initialOwed } from '../../../../protocols/uipi/properties/ghost.ts';
import { UIPI_STEP_PROPERTIES } from '../../../../protocols/uipi/properties/index.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';
import { PLAIN, SLOTS2, UIPI_MUTATIONS } from '../../../support/uipiWasmConfigs.ts';

const CONFIGS: readonly (readonly [string, UipiConfig])[] = [
  ...Object.entries(UIPI_PRESETS)
    .filter(([, cfg]) => uipiUnpackable(cfg) === null)
    .map(([name, cfg]) => [`preset ${name}`, cfg] as const),
  ...Object.entries(UIPI_EXPLORE_PRESETS).map(([name, cfg]) => [`exploration preset ${name}`, cfg] as const),
  ['plain (spinCompare)', PLAIN],
  ['plain with two UITT slots (spinCompare)', SLOTS2],
  ['plain with five vectors', { ...PLAIN, vectors: 5 }],
  [
    'three CPUs, two receivers, three senders, 32 vectors, timer 31, no kernel entry',
    {
      cpus: 3,
      receivers: 2,
      senders: 3,
      vectors: 32,
      uittSize: 3,
      timer: 31,
      drainBound: 77,
      drain: 'no-kernel-entry',
    },
  ],
  ['16 CPUs, 24 UITT slots', { ...PLAIN, cpus: 16, receivers: 2, senders: 2, vectors: 7, uittSize: 24 }],
];
const MUTATIONS: readonly (UipiPackedMutation | null)[] = [null, ...UIPI_MUTATIONS];

/** setupItem's items (uipiWasmSetup.ts): the layout's 0-16, then where things are, then the judge's bits. */
const LAYOUT_ITEMS = 17;
const NODE_AT = 18;
const MASKS_AT = 19;
const MASK_WORDS = 20;
const JUDGE_AT = 21;
const JUDGE_BITS = 10;
/** The bits of the step properties the byte judge reads, in UIPI_STEP_PROPERTIES' order (configureJudge's). */
const JUDGED: readonly number[] = UIPI_STEP_PROPERTIES.map((p) => propertyBit(p.id)).filter(
  (b) => (b & BYTE_JUDGED) !== 0,
);

/** Items `from`..`from + n - 1` of the instance's set-up. */
const items = (w: UipiWasm, from: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => w.setupItem(from + i));
/** `n` words at byte address `at` of the instance's memory, copied out. */
const words = (w: UipiWasm, at: number, n: number): number[] => [
  ...new Int32Array(w.memory.buffer, at >>> 0, n),
];

/** An instance set up by the wasm code (uipiWasmSetup.ts) as the loader sets it up, then `corrupt` run on it. */
function wasmSetUp(
  cfg: UipiConfig,
  covering: boolean,
  mutation: UipiPackedMutation | null,
  corrupt: (w: UipiWasm) => void = () => {},
): UipiWasm {
  const w = uipiWasmFresh();
  expect(setUpUipiWasm(w, cfg, mutation, { step: 0, liveness: 7 }, covering, true, 16)).toBe(0);
  corrupt(w);
  return w;
}

/** What of the wasm set-up differs from the JavaScript's on `cfg` (names of the parts that differ). */
function differences(
  w: UipiWasm,
  cfg: UipiConfig,
  covering: boolean,
  mutation: UipiPackedMutation | null,
): string[] {
  const L = uipiPackedLayout(cfg);
  const E = uipiPackedEvents(cfg);
  const out: string[] = [];
  const same = (what: string, got: readonly number[], want: readonly number[]): void => {
    if (got.length !== want.length || got.some((x, i) => x !== want[i])) out.push(what);
  };
  // the layout as the JavaScript loader sets it (configureLayout), the judge's bits uipiPackedJudge.ts's
  const js = uipiWasmInstance(cfg, 0, 7, mutation).w;
  same('layout', items(w, 0, LAYOUT_ITEMS), items(js, 0, LAYOUT_ITEMS));
  same('judge', items(w, JUDGE_AT, JUDGE_BITS), JUDGED);
  const n = E.events.length;
  const events = words(w, w.setupItem(LAYOUT_ITEMS), 5 * n + 5 * L.cpuCount);
  [E.type, E.a, E.b, E.target, E.uv].forEach((xs, i) => {
    same(['type', 'a', 'b', 'target', 'uv'][i] ?? 'events', events.slice(i * n, (i + 1) * n), [...xs]);
  });
  same('arrive', events.slice(5 * n, 5 * n + 2 * L.cpuCount), [...E.arrive]);
  same('accept', events.slice(5 * n + 2 * L.cpuCount), [...E.accept]);
  const node = new Int32Array(L.words + L.ghost);
  encodeUipiState(L, initialUipi(cfg), new Array<boolean>(L.receivers).fill(false), node);
  encodeUipiGhost(L, initialOwed(cfg), initialCredit(cfg), node.subarray(L.words));
  same('initial node', words(w, w.setupItem(NODE_AT), L.words + L.ghost), [...node]);
  const masks = covering ? uipiKeyMasks(L) : uipiKeyedMasks(L);
  same('mask count', [w.setupItem(MASK_WORDS)], [masks.length]);
  same('masks', words(w, w.setupItem(MASKS_AT), masks.length), masks);
  return out;
}

describe('the UIPI wasm search set up by the wasm code', () => {
  it('covers every packable UIPI preset and exploration preset, and the judge bits are the step properties’', () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(9);
    // the published sizes (64 vectors) are not packable: the JavaScript engine explores them
    expect(uipiUnpackable(UIPI_PRESETS.published)).not.toBeNull();
    expect(searchUipiWasm(UIPI_PRESETS.published, selectUipi(undefined, undefined))).toBeNull();
    expect(JUDGED).toHaveLength(JUDGE_BITS);
    expect(items(wasmSetUp(UIPI_SKYLOFT, true, null), 0, 14)[13]).toBe(WAITING_PHASES);
  });

  it.each(CONFIGS)(
    'builds the layout, events, judge, initial node and masks of %s as JavaScript does',
    (_, cfg) => {
      for (const covering of [true, false])
        expect(differences(wasmSetUp(cfg, covering, null), cfg, covering, null)).toEqual([]);
    },
  );

  it('sets each seeded bug’s code as the JavaScript loader does', () => {
    for (const m of MUTATIONS) expect(differences(wasmSetUp(PLAIN, false, m), PLAIN, false, m)).toEqual([]);
  });

  it('tells a set-up corrupted on purpose apart (the comparison can fail)', () => {
    const cfg = UIPI_SKYLOFT;
    const L = uipiPackedLayout(cfg);
    const n = uipiPackedEvents(cfg).events.length;
    /** Adds one to word `i` at item `item`'s address. */
    const bump =
      (item: number, i: number) =>
      (w: UipiWasm): void => {
        const a = new Int32Array(w.memory.buffer, w.setupItem(item) >>> 0, i + 1);
        a[i] = (a[i] ?? 0) + 1;
      };
    expect(differences(wasmSetUp(cfg, true, null, bump(LAYOUT_ITEMS, 2 * n + 3)), cfg, true, null)).toEqual([
      'b',
    ]);
    expect(differences(wasmSetUp(cfg, true, null, bump(LAYOUT_ITEMS, 5 * n + 1)), cfg, true, null)).toEqual([
      'arrive',
    ]);
    expect(differences(wasmSetUp(cfg, true, null, bump(NODE_AT, L.words)), cfg, true, null)).toEqual([
      'initial node',
    ]);
    expect(differences(wasmSetUp(cfg, false, null, bump(MASKS_AT, L.words)), cfg, false, null)).toEqual([
      'masks',
    ]);
    expect(differences(wasmSetUp(cfg, true, null), cfg, false, null)).toEqual(['mask count', 'masks']);
    expect(differences(wasmSetUp(cfg, true, 'deliverLowest'), cfg, true, null)).toEqual(['layout']);
    expect(
      differences(wasmSetUp({ ...cfg, uittSize: 2 }, true, null), cfg, true, null).length,
    ).toBeGreaterThan(3);
  });
});
