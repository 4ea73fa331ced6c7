/**
 * The syscall wasm search's liveness verdict at a quiescent state (assembly/syscallWasmSearch.ts
 * `callersIdle`, read through SyscallWasmSuccessors.livenessHolds) against the properties
 * themselves (syscallGraphExplore.ts livenessHolds on the decoded node, the JavaScript engines'
 * judge): state by state on every reachable state of small and of the large row (the spec's small
 * with one dispatcher), its quiescent ones counted, and on the first states of every seeded bug's
 * space; then on CORRUPTED states (small's reachable states with edits chosen by fast-check within
 * the layout's value ranges: an agent's phase, any byte, beyond the phases too; its slot; its
 * request id; a process online or not), where each verdict must come out both ways, so the port is
 * seen able to fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import {
  AGENT_W,
  decodeSyscallNode,
} from '../../../../protocols/syscall/engine/packed/syscallPackedLayout.ts';
import {
  SYSCALL_PACKED_MUTATIONS,
  type SyscallPackedMutation,
} from '../../../../protocols/syscall/engine/packed/syscallPackedMutation.ts';
import {
  ACCEPTED,
  SyscallPackedSuccessors,
} from '../../../../protocols/syscall/engine/packed/syscallPackedSuccessors.ts';
import { livenessHolds } from '../../../../protocols/syscall/engine/syscallGraphExplore.ts';
import { SyscallWasmSuccessors } from '../../../../protocols/syscall/engine/wasm/syscallWasmSuccessors.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const STEPS = { ...SEL, liveness: [] };
const SMALL_PRESET = presetOf('syscall', 'small');
const LARGE: Config = { ...SMALL, dispatchers: 1 };
/** Where each seeded bug is explored (syscallWasm.test.ts placeOf). */
const placeOf = (m: SyscallPackedMutation): Config =>
  m === 'callOverwrites' ? TWO_CALLERS : m === 'takeTakesTaken' ? TWO_DISPATCHERS : SMALL_PRESET;

/**
 * Visits the first `limit` states the JavaScript successors (with `mutation`) reach, in
 * breadth-first order (accepted steps only): each node's bytes and whether it is quiescent.
 */
function walk(
  cfg: Config,
  limit: number,
  mutation: SyscallPackedMutation | null,
  visit: (bytes: Uint8Array, quiescent: boolean) => void,
): number {
  const js = new SyscallPackedSuccessors(cfg, STEPS, mutation);
  const store = new PackedStore(js.keyWords * 4);
  js.initial();
  store.add(js.key(), 0, -1, -1);
  let head = 0;
  for (; head < store.count && head < limit; head++) {
    js.loadKey(store.words, head);
    visit(js.cur, js.quiescent());
    for (let k = 0; k < js.events.length; k++)
      if (js.step(k, 0) === ACCEPTED && !js.unchanged()) store.add(js.key(), 0, head, k);
  }
  return head;
}

/** Compares the two verdicts on every state `walk` visits (or its quiescent ones): the first disagreement, or the counts. */
function compare(
  cfg: Config,
  limit: number,
  mutation: SyscallPackedMutation | null = null,
  quiescentOnly = false,
): { error: string } | { states: number; quiescent: number; holds: number; fails: number } {
  const wasm = new SyscallWasmSuccessors(cfg, STEPS);
  let quiescent = 0;
  let holds = 0;
  let fails = 0;
  let error = '';
  const states = walk(cfg, limit, mutation, (b, q) => {
    if (error !== '' || (quiescentOnly && !q)) return;
    wasm.load(b);
    const want = livenessHolds(cfg, SEL, decodeSyscallNode(wasm.L, b, 0));
    if (wasm.livenessHolds() !== want) error = `${Buffer.from(b).toString('hex')}: wasm says ${!want}`;
    if (q) quiescent++;
    if (want) holds++;
    else fails++;
  });
  return error === '' ? { states, quiescent, holds, fails } : { error };
}

describe('the syscall wasm liveness verdict', () => {
  it('is livenessHolds on every state of small (its 32 quiescent ones among them)', () => {
    expect(compare(SMALL_PRESET, Number.POSITIVE_INFINITY)).toMatchObject({ states: 12_184, quiescent: 32 });
  });

  it('is livenessHolds on every quiescent state of the large row', () => {
    expect(compare(LARGE, Number.POSITIVE_INFINITY, null, true)).toMatchObject({
      states: 424_912,
      quiescent: 32,
    });
  }, 120_000);

  it.each(SYSCALL_PACKED_MUTATIONS)('is livenessHolds on the first states of the seeded bug %s', (m) => {
    const out = compare(placeOf(m), 3000, m);
    expect(out).not.toHaveProperty('error');
    expect('quiescent' in out ? out.quiescent : 0).toBeGreaterThan(0);
  });

  it('is livenessHolds on corrupted states, and comes out false and true', () => {
    const cfg = SMALL_PRESET;
    const wasm = new SyscallWasmSuccessors(cfg, STEPS);
    const { L } = wasm;
    const nodes: Uint8Array[] = [];
    walk(cfg, Number.POSITIVE_INFINITY, null, (b) => {
      nodes.push(b.slice());
    });
    const edit = fc.record({
      kind: fc.constantFrom('phase', 'slot', 'req', 'online'),
      who: fc.nat(255),
      v: fc.nat(255),
    });
    const seen = { holds: 0, fails: 0 };
    fc.assert(
      fc.property(fc.nat(nodes.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
        const b = (nodes[i] ?? new Uint8Array(L.width)).slice();
        for (const { kind, who, v } of edits) {
          const a = who % L.agentCount;
          const o = L.agents + a * AGENT_W;
          if (kind === 'phase') b[o] = v;
          else if (kind === 'slot') b[o + 1] = v % (cfg.ringSlots + 1);
          else if (kind === 'req') b[o + 2] = v % 4;
          else b[L.C.online + (who % cfg.processes)] = v % 2;
        }
        wasm.load(b);
        const want = livenessHolds(cfg, SEL, decodeSyscallNode(L, b, 0));
        expect(wasm.livenessHolds()).toBe(want);
        if (want) seen.holds++;
        else seen.fails++;
      }),
      { seed: 20261207, numRuns: 20_000 },
    );
    expect(seen.fails).toBeGreaterThan(0);
    expect(seen.holds).toBeGreaterThan(0);
  }, 60_000);
});
