/**
 * The packed UIPI engine in WebAssembly against the JavaScript one it ports: from every reachable
 * node of skyloft and of the plain scenario (as the keyed search admits them) it enables the same events
 * in the same order and steps each to the same words, ghost included (also under each seeded bug); its searches
 * count the same nodes, transitions and diameter on skyloft, plain and plain with two UITT slots,
 * keyed and by covering, with and without the leads-to check (and on rows whose keys or owed
 * masks take the tables' other shapes); and every seeded bug and a failing
 * drain make the wasm search stop, so the JavaScript engine answers, exactly as it does alone.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import { UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { uipiKeyedMasks } from '../../../../protocols/uipi/engine/packed/keyedAdmission.ts';
import { exploreUipiPacked } from '../../../../protocols/uipi/engine/packed/uipiPackedExplore.ts';
import {
  encodeUipiGhost,
  encodeUipiState,
  uipiKeyMasks,
  uipiPackedLayout,
} from '../../../../protocols/uipi/engine/packed/uipiPackedLayout.ts';
import type { UipiPackedMutation } from '../../../../protocols/uipi/engine/packed/uipiPackedMutation.ts';
import { UipiPackedSuccessors } from '../../../../protocols/uipi/engine/packed/uipiPackedSuccessors.ts';
import {
  exploreUipiPackedWasm,
  searchUipiWasm,
} from '../../../../protocols/uipi/engine/wasm/uipiWasmExplore.ts';
import {
  precompileUipiWasm,
  uipiWasmInstance,
  wasmLivenessBits,
  wasmStepBits,
} from '../../../../protocols/uipi/engine/wasm/uipiWasmModule.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { initialUipi } from '../../../../protocols/uipi/model/state.ts';
import { initialCredit, initialOwed } from '../../../../protocols/uipi/properties/ghost.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';
import { PLAIN, SLOTS2, UIPI_MUTATIONS } from '../../../support/uipiWasmConfigs.ts';

const SEL = selectUipi(undefined, undefined);
const MUTATIONS = UIPI_MUTATIONS;

/** A node as its key words then ghost words. */
type Node = Int32Array;

/** The JavaScript successors of node `n` (K + G words): each enabled event and its successor's words, in order. */
function jsSuccessors(S: UipiPackedSuccessors, n: Node): string[] {
  const { words: K, ghost: G } = S.L;
  S.load(n, 0, n, K);
  const list = new Int32Array(S.E.events.length);
  const count = S.enabled(list);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = list[i] ?? 0;
    S.step(k);
    out.push(`${k}:${S.after.join(',')}|${S.ghostAfter.subarray(0, G).join(',')}`);
  }
  return out;
}

/**
 * Every node the JavaScript successors of `cfg` reach as the keyed search admits them (BFS order;
 * a node is its key words and owed masks, with the credits it was first reached with: the
 * credits alone grow without bound).
 */
function reachableNodes(cfg: UipiConfig): Node[] {
  const S = new UipiPackedSuccessors(cfg);
  const { words: K, ghost: G, receivers: R } = S.L;
  const keyOf = (words: string): string =>
    words
      .split(',')
      .slice(0, K + R)
      .join(',');
  const init = new Int32Array(K + G);
  encodeUipiState(S.L, initialUipi(cfg), new Array<boolean>(S.L.receivers).fill(false), init);
  encodeUipiGhost(S.L, initialOwed(cfg), initialCredit(cfg), init.subarray(K));
  const seen = new Set([keyOf(init.join(','))]);
  const out = [init];
  for (let i = 0; i < out.length; i++) {
    const n = out[i];
    if (n === undefined) continue;
    for (const s of jsSuccessors(S, n)) {
      const words = s.slice(s.indexOf(':') + 1).replace('|', ',');
      const key = keyOf(words);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(Int32Array.from(words.split(','), Number));
    }
  }
  return out;
}

/** The nodes among `nodes` whose wasm successors are not the JavaScript ones under `jsMutation` (at most 3). */
function disagreements(
  cfg: UipiConfig,
  nodes: readonly Node[],
  wasmMutation: UipiPackedMutation | null,
  jsMutation: UipiPackedMutation | null,
): string[] {
  const S = new UipiPackedSuccessors(cfg, jsMutation);
  const { words: K, ghost: G } = S.L;
  const { w, at } = uipiWasmInstance(cfg, 0, 0, wasmMutation);
  const bad: string[] = [];
  for (const n of nodes) {
    new Int32Array(w.memory.buffer, at, K + G).set(n);
    const count = w.expandInto();
    const events = new Int32Array(w.memory.buffer, w.outputEvents() >>> 0, count);
    const out = new Int32Array(w.memory.buffer, w.output() >>> 0, count * (K + G));
    const got = Array.from({ length: count }, (_, i) => {
      const s = out.subarray(i * (K + G), (i + 1) * (K + G));
      return `${events[i]}:${s.subarray(0, K).join(',')}|${s.subarray(K).join(',')}`;
    });
    const want = jsSuccessors(S, n);
    if (got.join('\n') !== want.join('\n'))
      bad.push(`from ${n.join(',')}:\n js: ${want.join('\n ')}\n wasm: ${got.join('\n ')}`);
    if (bad.length >= 3) break;
  }
  return bad;
}

/**
 * The JavaScript engine's search of `cfg` by covering or keyed, with or without the leads-to check
 * (its defaults: covering, liveness), searched once per configuration (by content) and mode: the
 * reference several tests compare the wasm search with (plain with two UITT slots, 557,792 nodes,
 * takes a second or more each).
 */
const jsSearches = new Map<string, ReturnType<typeof exploreUipiPacked>>();
function jsSearch(cfg: UipiConfig, covering = true, liveness = true): ReturnType<typeof exploreUipiPacked> {
  const key = `${JSON.stringify(cfg)}|${covering}|${liveness}`;
  const known = jsSearches.get(key);
  if (known !== undefined) return known;
  const out = exploreUipiPacked(cfg, SEL, { covering, liveness });
  jsSearches.set(key, out);
  return out;
}

/** The outcome of the JavaScript engine and the wasm one (which may hand over) with `opts`. */
function both(cfg: UipiConfig, opts: Parameters<typeof exploreUipiPacked>[2] = {}) {
  return { js: exploreUipiPacked(cfg, SEL, opts), wasm: exploreUipiPackedWasm(cfg, SEL, opts) };
}

describe('packed UIPI engine in WebAssembly', () => {
  const sky = reachableNodes(UIPI_SKYLOFT);
  const plain = reachableNodes(PLAIN);

  it('enables the same events and steps them to the same words as JavaScript, from every reachable node of skyloft and plain', () => {
    expect([sky.length, plain.length]).toEqual([2520, 34_328]);
    expect(disagreements(UIPI_SKYLOFT, sky, null, null)).toEqual([]);
    expect(disagreements(PLAIN, plain, null, null)).toEqual([]);
  });

  it.each(MUTATIONS)('steps to the same words as JavaScript under the seeded bug %s', (m) => {
    expect(disagreements(UIPI_SKYLOFT, sky, m, m)).toEqual([]);
    expect(disagreements(PLAIN, plain, m, m)).toEqual([]);
  });

  it('reports a disagreement when the successors differ (the comparison can fail)', () => {
    expect(disagreements(PLAIN, plain, 'drainKeepsPir', null)).not.toEqual([]);
    expect(disagreements(UIPI_SKYLOFT, sky, 'timerForgetsRepost', null)).not.toEqual([]);
  });

  it.each<[string, UipiConfig]>([
    ['skyloft', UIPI_SKYLOFT],
    ['plain', PLAIN],
    ['plain with two UITT slots', SLOTS2],
  ])(
    'counts the same nodes, transitions and diameter as the JavaScript engine, keyed and by covering, with and without the leads-to check (%s)',
    (_n, cfg) => {
      for (const covering of [false, true])
        for (const liveness of [false, true]) {
          const opts = { covering, liveness };
          const js = jsSearch(cfg, covering, liveness);
          expect(js.kind).toBe('complete');
          // answered by wasm, not handed over
          expect(searchUipiWasm(cfg, SEL, opts)).toEqual(js);
        }
    },
  );

  it('counts the same with the other table shapes: keys of two words (skyloft2), owed masks past a compact payload (plain with five vectors)', () => {
    const skyloft2 = UIPI_EXPLORE_PRESETS.skyloft2;
    if (skyloft2 === undefined) throw new Error('no skyloft2 preset');
    const five: UipiConfig = { ...PLAIN, vectors: 5 };
    // more than a word of key bits keyed (41) and by covering (39); five owed bits (a compact payload holds 4)
    expect(FieldKeyPacker.bitsOf(uipiKeyedMasks(uipiPackedLayout(skyloft2)))).toBe(41);
    expect(FieldKeyPacker.bitsOf(uipiKeyMasks(uipiPackedLayout(skyloft2)))).toBe(39);
    expect(PLAIN.receivers * five.vectors).toBe(5);
    for (const cfg of [skyloft2, five])
      for (const covering of [false, true]) {
        const js = exploreUipiPacked(cfg, SEL, { covering });
        expect(js.kind).toBe('complete');
        expect(searchUipiWasm(cfg, SEL, { covering })).toEqual(js);
      }
  });

  it('counts the same with tables that grow and rehash many times, and the leads-to checks in a dozen batches (room for 16 nodes at first)', () => {
    for (const covering of [false, true])
      expect(searchUipiWasm(PLAIN, SEL, { covering }, 16)).toEqual(jsSearch(PLAIN, covering));
  });

  it('searches the same after the module was compiled ahead (precompileUipiWasm)', async () => {
    await precompileUipiWasm();
    expect(searchUipiWasm(UIPI_SKYLOFT, SEL)).toEqual(jsSearch(UIPI_SKYLOFT));
  });

  it.each<[UipiPackedMutation, UipiConfig]>([
    ['drainKeepsPir', PLAIN],
    ['timerForgetsRepost', UIPI_SKYLOFT],
    ['switchInKeepsSn', PLAIN],
    ['deliverLowest', { ...PLAIN, senders: 2 }],
    ['sendAlwaysNotifies', PLAIN],
    ['checkPirIgnoresOn', PLAIN],
  ])(
    'stops at the seeded bug %s (the wasm search does not pass), so the answer is the JavaScript engine’s violation',
    (mutation, cfg) => {
      for (const covering of [false, true]) {
        const opts = { mutation, covering };
        expect(searchUipiWasm(cfg, SEL, opts)).toBeNull();
        const { js, wasm } = both(cfg, opts);
        expect(js.kind).toBe('violation');
        expect(wasm).toEqual(js);
      }
    },
  );

  it('hands over a fabricated delivery (the slack check throws in JavaScript) and answers a bug that fails no property', () => {
    expect(searchUipiWasm(PLAIN, SEL, { mutation: 'deliverKeepsUirr' })).toBeNull();
    expect(() => exploreUipiPackedWasm(PLAIN, SEL, { mutation: 'deliverKeepsUirr' })).toThrow(
      /lowers the slack/,
    );
    const forgets = searchUipiWasm(PLAIN, SEL, { mutation: 'sendForgetsOwed' });
    expect(forgets).toEqual(exploreUipiPacked(PLAIN, SEL, { mutation: 'sendForgetsOwed' }));
    expect(forgets?.kind).toBe('complete');
  });

  it.each<[string, UipiConfig]>([
    ['plain, bound 17', { ...PLAIN, drainBound: 17 }],
    ['plain, bound 18', { ...PLAIN, drainBound: 18 }],
    ['skyloft, bound 16', { ...UIPI_SKYLOFT, drainBound: 16 }],
  ])(
    'stops at a drain that fails within a short bound (%s), so the answer is the JavaScript engine’s leads-to violation',
    (_n, cfg) => {
      for (const covering of [false, true]) {
        expect(searchUipiWasm(cfg, SEL, { covering })).toBeNull();
        // also when the nodes are drained in batches as the search goes (from 16 expanded nodes)
        expect(searchUipiWasm(cfg, SEL, { covering }, 16)).toBeNull();
        const { js, wasm } = both(cfg, { covering });
        expect(js).toMatchObject({ kind: 'violation', where: 'liveness' });
        expect(wasm).toEqual(js);
        // without the leads-to check the same search passes in wasm
        expect(searchUipiWasm(cfg, SEL, { covering, liveness: false })).toEqual(
          exploreUipiPacked(cfg, SEL, { covering, liveness: false }),
        );
      }
    },
  );

  it('hands over what it has no port of: a state bound, a liveness verdict left out, a wrong key', () => {
    const progress: number[] = [];
    for (const opts of [
      {
        maxStates: 1000,
        progressEvery: 100,
        onProgress: (p: { distinct: number }) => progress.push(p.distinct),
      },
      { leftOut: ['uipiEventuallyDelivered'] },
      { covering: false, owedUnkeyed: true },
    ]) {
      expect(searchUipiWasm(PLAIN, SEL, opts)).toBeNull();
      expect(exploreUipiPackedWasm(PLAIN, SEL, opts)).toEqual(exploreUipiPacked(PLAIN, SEL, opts));
    }
    // a search handed over before the wasm pass started reports its progress from JavaScript
    expect(progress.length).toBeGreaterThan(0);
  });

  it('judges only the properties selected, by the bits the JavaScript judge gives them', () => {
    const some = selectUipi(['uipiNoLoss', 'uipiWaitWakes'], undefined);
    expect(searchUipiWasm(PLAIN, some, { mutation: 'sendAlwaysNotifies', liveness: false })).toEqual(
      exploreUipiPacked(PLAIN, some, { mutation: 'sendAlwaysNotifies', liveness: false }),
    );
    expect(wasmStepBits(['uipiRefinement'])).toBeNull();
    expect(wasmLivenessBits(['uipiNoLoss'])).toBeNull();
  });

  it('reports progress from the wasm search: growing counts, the last one the complete search', () => {
    const seen: ExploreProgress[] = [];
    const out = exploreUipiPackedWasm(SLOTS2, SEL, {
      onProgress: (p) => seen.push(p),
      progressEvery: 20_000,
    });
    expect(out).toEqual(jsSearch(SLOTS2));
    expect(seen.length).toBeGreaterThan(5);
    const distinct = seen.map((p) => p.distinct);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({
      distinct: out.distinct,
      transitions: out.transitions,
      queue: 0,
      depth: out.diameter,
    });
  });

  it('reports the progress of the wasm pass once when a search is handed over, not again from the JavaScript search', () => {
    const seen: ExploreProgress[] = [];
    const cfg = { ...PLAIN, drainBound: 17 };
    const out = exploreUipiPackedWasm(cfg, SEL, { onProgress: (p) => seen.push(p), progressEvery: 10 });
    expect(out).toEqual(exploreUipiPacked(cfg, SEL));
    const distinct = seen.map((p) => p.distinct);
    expect(distinct.length).toBeGreaterThan(1);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
  });
});
