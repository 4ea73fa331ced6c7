/**
 * The packed engine in WebAssembly against the JavaScript one it ports: from every reachable state
 * of the tiny preset its successors are the same bytes in the same order (also under each seeded
 * bug), its searches count the same states, transitions and diameter on tiny and small, and each
 * seeded bug is found as the same violation with the same path; progress is reported at the same
 * states.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { explorePacked } from '../../../../protocols/wakeup/engine/packed/packedExplore.ts';
import {
  encodeSystem,
  type PackedLayout,
  packedLayout,
} from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import type { PackedMutation } from '../../../../protocols/wakeup/engine/packed/packedMutation.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import { explorePackedWasm } from '../../../../protocols/wakeup/engine/wasm/packedWasmExplore.ts';
import {
  packedWasmInstance,
  precompilePackedWasm,
} from '../../../../protocols/wakeup/engine/wasm/packedWasmModule.ts';
import { initialSystem } from '../../../../protocols/wakeup/model/boot.ts';
import { presetOf } from '../../../support/presetOf.ts';

const preset = (name: string): Config => presetOf('wakeup', name);
const MUTATIONS: readonly PackedMutation[] = ['wakeCopies', 'stealsOffline', 'finishWanders', 'wedges'];

/** The JavaScript successors of the state `s`, in order, as byte strings. */
function jsSuccessors(succ: PackedSuccessors, s: Uint8Array): string[] {
  const out: string[] = [];
  succ.expand(new Int32Array(s.buffer, s.byteOffset, s.length >> 2), 0, {
    visit: () => out.push(succ.b.join(',')),
  });
  return out;
}

/** Every state reachable by the JavaScript successors (BFS order), as bytes. */
function reachable(L: PackedLayout): Uint8Array[] {
  const succ = new PackedSuccessors(L);
  const init = encodeSystem(L, initialSystem(L.cfg));
  const seen = new Set([init.join(',')]);
  const out = [init];
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s === undefined) continue;
    for (const key of jsSuccessors(succ, s)) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(Uint8Array.from(key.split(','), Number));
    }
  }
  return out;
}

/** The states among `states` whose wasm successors (expandInto) are not the JavaScript ones under `jsMutation` (at most 3). */
function disagreements(
  L: PackedLayout,
  states: readonly Uint8Array[],
  wasmMutation: PackedMutation | undefined,
  jsMutation: PackedMutation | undefined,
): string[] {
  const succ = new PackedSuccessors(L, jsMutation);
  const w = packedWasmInstance(L, wasmMutation);
  const at = w.start() >>> 0;
  const bad: string[] = [];
  for (const s of states) {
    new Uint8Array(w.memory.buffer, at, L.width).set(s);
    const n = w.expandInto();
    const out = new Uint8Array(w.memory.buffer, w.output() >>> 0, n * L.width);
    const got = Array.from({ length: n }, (_, i) => out.subarray(i * L.width, (i + 1) * L.width).join(','));
    const want = jsSuccessors(succ, s);
    if (got.join('\n') !== want.join('\n'))
      bad.push(`from ${s.join(',')}:\n js: ${want.join('\n ')}\n wasm: ${got.join('\n ')}`);
    if (bad.length >= 3) break;
  }
  return bad;
}

describe('packed wakeup engine in WebAssembly', () => {
  const tiny = packedLayout(preset('tiny'));
  const states = reachable(tiny);

  it('writes the JavaScript successors, byte for byte and in order, from every reachable tiny state', () => {
    expect(states.length).toBe(1704);
    expect(disagreements(tiny, states, undefined, undefined)).toEqual([]);
  });

  it.each(MUTATIONS)('writes the same successors as JavaScript under the seeded bug %s', (m) => {
    expect(disagreements(tiny, states, m, m)).toEqual([]);
  });

  it('reports a disagreement when the successors differ (the comparison can fail)', () => {
    expect(disagreements(tiny, states, 'wakeCopies', undefined)).not.toEqual([]);
  });

  it.each(['tiny', 'small'])(
    'counts the same states, transitions and diameter as the JavaScript engine (%s)',
    (name) => {
      const cfg = preset(name);
      const js = explorePacked(cfg);
      expect(js.kind).toBe('complete');
      expect(explorePackedWasm(cfg)).toEqual(js);
      expect(explorePackedWasm(cfg, { invariants: false })).toEqual(
        explorePacked(cfg, { invariants: false }),
      );
    },
  );

  it('counts and finds the same with a store that grows and rehashes many times (room for 16 states at first)', () => {
    const cfg = preset('small');
    expect(explorePackedWasm(cfg, {}, 16)).toEqual(explorePacked(cfg));
    expect(explorePackedWasm(cfg, { mutation: 'wedges' }, 16)).toEqual(
      explorePacked(cfg, { mutation: 'wedges' }),
    );
  });

  it('says in words when the search traps (a store wasm32 cannot hold: 2^27 states of 48 bytes)', () => {
    expect(() => explorePackedWasm(preset('tiny'), {}, 1 << 27)).toThrow(
      /the search trapped \(unreachable\)/,
    );
  });

  it('searches the same after the module was compiled ahead (precompilePackedWasm)', async () => {
    await precompilePackedWasm();
    expect(explorePackedWasm(preset('tiny'))).toEqual(explorePacked(preset('tiny')));
  });

  it('stops at maxStates as the JavaScript engine does', () => {
    const cfg = preset('small');
    const out = explorePackedWasm(cfg, { maxStates: 1000 });
    expect(out).toMatchObject({ kind: 'maxStates', distinct: 1000 });
    expect(out).toEqual(explorePacked(cfg, { maxStates: 1000 }));
  });

  it('reports progress where the JavaScript engine does (every 65,536 expanded states), and searches the same', () => {
    const cfg = preset('small');
    const reports = (search: typeof explorePacked): { out: unknown; seen: ExploreProgress[] } => {
      const seen: ExploreProgress[] = [];
      const out = search(cfg, { onProgress: (p) => seen.push(p) });
      return { out, seen };
    };
    const js = reports(explorePacked);
    const wasm = reports(explorePackedWasm);
    expect(js.seen.length).toBeGreaterThan(0);
    expect(wasm.seen).toEqual(js.seen);
    expect(wasm.out).toEqual(js.out);
  });

  it.each([
    ['wakeCopies', 'taskInOnePlace'],
    ['stealsOffline', 'onlyOnlineRun'],
    ['finishWanders', 'onlyOnlineRun'],
    ['wedges', 'noStuckSystem'],
  ] as const)('finds the seeded bug %s as a %s violation with the JavaScript engine path', (m, property) => {
    for (const name of ['tiny', 'small']) {
      const cfg = preset(name);
      const out = explorePackedWasm(cfg, { mutation: m });
      expect(out).toMatchObject({ kind: 'violation', property });
      expect(out).toEqual(explorePacked(cfg, { mutation: m }));
    }
  });
});
