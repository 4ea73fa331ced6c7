/**
 * The packed engine against the specification: its successor function, decoded, is exactly the
 * pure `step` over `enabled` (in order) from every reachable state of the tiny preset and from a
 * fixed sample of the small preset's, and its BFS counts the same distinct states, transitions and
 * diameter as the explorer on both presets.
 */
import { describe, expect, it } from 'vitest';
import { KeyBuilder } from '../../../../engine/explore/keyBuilder.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { exploreProtocol } from '../../../../protocols/family/exploreProtocol.ts';
import { explorePacked } from '../../../../protocols/wakeup/engine/packed/packedExplore.ts';
import {
  decodeSystem,
  encodeSystem,
  type PackedLayout,
  packedLayout,
  unpackable,
} from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import { systemKey } from '../../../../protocols/wakeup/engine/systemKey.ts';
import { initialSystem } from '../../../../protocols/wakeup/model/boot.ts';
import { enabled } from '../../../../protocols/wakeup/model/enabled.ts';
import type { SystemState } from '../../../../protocols/wakeup/model/state.ts';
import { step } from '../../../../protocols/wakeup/model/step.ts';
import { presetOf } from '../../../support/presetOf.ts';

const canon = (s: SystemState): string =>
  JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const preset = (name: string): Config => presetOf('wakeup', name);

/**
 * The model's canonical key of a state (systemKey.ts: equal keys exactly for equal states), to
 * tell states seen from new ones: canon's JSON (its replacer called on every value) took 2.5 s of
 * the 3.6 s walk of the small preset (69,532 states, 488,000 steps). The counts below are
 * literals, so a key that merged states would fail them.
 */
const kb = new KeyBuilder();
const keyOf = (s: SystemState): string => {
  systemKey(kb.reset(), s);
  return kb.done();
};

/** Every reachable state of the model on `cfg`, in BFS order, over the object states. */
function reachable(cfg: Config): SystemState[] {
  const init = initialSystem(cfg);
  const seen = new Set([keyOf(init)]);
  const out = [init];
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s === undefined) continue;
    for (const e of enabled(cfg, s)) {
      const r = step(cfg, s, e);
      if (r.kind !== 'accepted') continue;
      const k = keyOf(r.state);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(r.state);
    }
  }
  return out;
}

/** `step`'s successors of s over `enabled`, in order, as canonical strings. */
function specSuccessors(cfg: Config, s: SystemState): string[] {
  return enabled(cfg, s).map((e) => {
    const r = step(cfg, s, e);
    return r.kind === 'accepted' ? canon(r.state) : `rejected ${r.reason}`;
  });
}

/** The packed successors of s, decoded, in order, as canonical strings. */
function packedSuccessors(L: PackedLayout, succ: PackedSuccessors, s: SystemState): string[] {
  const b = encodeSystem(L, s);
  const out: string[] = [];
  succ.expand(new Int32Array(b.buffer), 0, { visit: () => out.push(canon(decodeSystem(L, succ.b))) });
  return out;
}

/** The states among `states` where the packed engine and `step` disagree (with both answers). */
function disagreements(cfg: Config, states: readonly SystemState[]): string[] {
  const L = packedLayout(cfg);
  const succ = new PackedSuccessors(L);
  const bad: string[] = [];
  for (const s of states) {
    const round = canon(decodeSystem(L, encodeSystem(L, s)));
    if (round !== canon(s)) bad.push(`decode(encode(s)) != s for ${canon(s)}`);
    const want = specSuccessors(cfg, s);
    const got = packedSuccessors(L, succ, s);
    if (got.join('\n') !== want.join('\n'))
      bad.push(`from ${canon(s)}:\n step: ${want.join('\n ')}\n packed: ${got.join('\n ')}`);
    if (bad.length > 3) break;
  }
  return bad;
}

describe('packed wakeup engine', () => {
  it('decodes to exactly the step successors, in enabled order, from every reachable tiny state', () => {
    const cfg = preset('tiny');
    const states = reachable(cfg);
    expect(states.length).toBe(1704);
    expect(disagreements(cfg, states)).toEqual([]);
  });

  it('decodes to exactly the step successors from a fixed sample of the small preset (every 23rd state)', () => {
    const cfg = preset('small');
    const states = reachable(cfg);
    expect(states.length).toBe(69_532);
    expect(
      disagreements(
        cfg,
        states.filter((_, i) => i % 23 === 0),
      ),
    ).toEqual([]);
  });

  it('reports a disagreement when a successor differs (the comparison can fail)', () => {
    const cfg = preset('tiny');
    const L = packedLayout(cfg);
    const succ = new PackedSuccessors(L);
    const s = initialSystem(cfg);
    const got = packedSuccessors(L, succ, s);
    const want = specSuccessors(cfg, s);
    expect(got).toEqual(want);
    const flipped = { ...s, ctrl: { ...s.ctrl, error: 1 } };
    expect(packedSuccessors(L, succ, flipped)).not.toEqual(want);
  });

  it.each(['tiny', 'small'])(
    'counts the same states, transitions and diameter as the explorer (%s)',
    (name) => {
      const cfg = preset(name);
      const packed = explorePacked(cfg);
      const ref = exploreProtocol({
        protocol: 'wakeup',
        impl: undefined,
        cfg,
        liveness: false,
        properties: [],
      });
      expect(ref.kind).toBe('complete');
      expect(packed).toEqual({
        kind: 'complete',
        distinct: ref.distinct,
        transitions: ref.transitions,
        diameter: ref.diameter,
      });
    },
  );

  it('reports progress every 65,536 expanded states, with the queue still to expand', () => {
    const seen: { distinct: number; queue: number; depth: number }[] = [];
    const out = explorePacked(preset('small'), { onProgress: (p) => seen.push(p) });
    expect(out.distinct).toBe(69_532);
    expect(seen).toHaveLength(1); // 69,532 states: one report, when state 65,535 is next to expand
    const [p] = seen;
    expect(p?.distinct).toBeGreaterThan(65_536);
    expect(p?.distinct).toBeLessThanOrEqual(69_532);
    expect(p?.queue).toBe((p?.distinct ?? 0) - 65_535);
    expect(p?.depth).toBeGreaterThan(0);
  });

  it('stops at maxStates', () => {
    expect(explorePacked(preset('small'), { maxStates: 1000 })).toMatchObject({
      kind: 'maxStates',
      distinct: 1000,
    });
  });

  it('refuses a configuration whose counts do not fit in a byte', () => {
    expect(unpackable({ ...preset('tiny'), taskPool: 300 })).toMatch(/taskPool = 300/);
    expect(unpackable(preset('small'))).toBeNull();
  });
});
