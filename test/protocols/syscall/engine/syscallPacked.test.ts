/**
 * The packed syscall engine (protocols/syscall/engine/packed/) against the object step judge, the
 * graph engine and the object engine: on every transition of small and of the first states of the
 * dispatchers preset and of two callers on one ring, the packed successor with both ghosts is the
 * step judge's successor encoded, its verdicts are the judge's, and packed nodes are equal exactly
 * when the object engine's keys are; the engine counts what the manifest records, reports progress
 * where the graph engine does, stops at --max-states where the object engine does, walks the
 * graph engine's drains, and answers a failing leads-to check or step property as the object
 * engine does. Every seeded successor bug (syscallPackedMutation.ts) is caught by the
 * per-transition comparison; on the spaces the bugs make, the byte verdicts and ghosts are the
 * properties' and the ghost's own on the decoded step, leaving out any one byte verdict is seen,
 * and the search finds the same first violation whether the verdicts on a successor alone are
 * judged once per distinct state or on every transition. The command line runs it by default.
 */
import { describe, expect, it } from 'vitest';
import { type ExploreProgress, explore } from '../../../../engine/explore/explore.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { readManifest } from '../../../../protocols/manifest.ts';
import {
  exploreSyscallPacked,
  searchSyscallPacked,
} from '../../../../protocols/syscall/engine/packed/syscallPackedExplore.ts';
import {
  decodeSyscallNode,
  encodeSyscallNode,
  syscallPackedLayout,
} from '../../../../protocols/syscall/engine/packed/syscallPackedLayout.ts';
import {
  SYSCALL_PACKED_MUTATIONS,
  type SyscallPackedMutation,
  type SyscallSuccessorMutation,
} from '../../../../protocols/syscall/engine/packed/syscallPackedMutation.ts';
import {
  ACCEPTED,
  REJECTED,
  SyscallPackedSuccessors,
} from '../../../../protocols/syscall/engine/packed/syscallPackedSuccessors.ts';
import {
  exploreSyscallGraph,
  searchSyscallGraph,
} from '../../../../protocols/syscall/engine/syscallGraphExplore.ts';
import { type SyscallNode, syscallJudge } from '../../../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../../../protocols/syscall/engine/syscallSpace.ts';
import { formatSyscallEvent } from '../../../../protocols/syscall/model/events.ts';
import { step } from '../../../../protocols/syscall/model/step.ts';
import type { SyscallStepProperty } from '../../../../protocols/syscall/properties/context.ts';
import {
  defaultSyscallPropertyIds,
  type SyscallSelection,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { runCli } from '../../../cli/runCli.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { reachableSyscallNodes } from '../../../support/reachableSyscallNodes.ts';
import { TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const STEPS: SyscallSelection = { ...SEL, liveness: [] };
const preset = (name: string): Config => presetOf('syscall', name);

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ids = (vs: readonly { readonly property: string }[] | undefined): string =>
  (vs ?? []).map((v) => v.property).join();

/** Throws, naming `what`, when `got` is not `want` (hundreds of thousands of comparisons: no `expect`). */
function agree<T>(got: T, want: T, what: string): void {
  if (got !== want) throw new Error(`${what}: ${String(got)} where the step judge has ${String(want)}`);
}

/** Model-free judge of the step judge on a node, for the comparisons. */
function objectJudge(cfg: Config) {
  return syscallJudge(cfg, undefined, STEPS, () => {
    throw new Error('no runtime');
  });
}

/**
 * On every transition of the first `limit` reachable states of `cfg` (BFS order), the packed
 * successor function (with `mutation`) against the step judge: acceptance, verdicts, successor
 * bytes (state and both ghosts), also as rebuilt from its store key; that the one-byte guards the
 * search reads pass every accepted candidate; and keys and bytes one to one. Returns the first disagreement's
 * message, or the counts.
 */
function compareTransitions(cfg: Config, limit: number, mutation: SyscallPackedMutation | null = null) {
  const L = syscallPackedLayout(cfg);
  const space = syscallSpace(cfg, undefined, STEPS);
  const judge = objectJudge(cfg);
  const succ = new SyscallPackedSuccessors(cfg, STEPS, mutation);
  const encode = (n: Pick<SyscallNode, 'sys' | 'cghost' | 'ghost'>): Uint8Array => {
    const b = new Uint8Array(L.width);
    encodeSyscallNode(L, b, 0, n.sys, n.cghost, n.ghost);
    return b;
  };
  const rebuilt = new Int32Array(succ.n);
  const rebuiltBytes = new Uint8Array(rebuilt.buffer);
  const bytesOfKey = new Map<string, string>();
  const keyOfBytes = new Map<string, string>();
  let transitions = 0;
  let byBytes = 0;
  try {
    agree(hex(succ.initial()), hex(encode(judge.initial())), 'the initial node');
    const nodes = reachableSyscallNodes(cfg, STEPS, limit);
    for (const n of nodes) {
      const b = encode(n);
      agree(hex(encode(decodeSyscallNode(L, b, 0))), hex(b), 'decoding');
      const key = space.key(n);
      agree(bytesOfKey.get(key) ?? hex(b), hex(b), 'one key, two byte strings');
      agree(keyOfBytes.get(hex(b)) ?? key, key, 'one byte string, two keys');
      bytesOfKey.set(key, hex(b));
      keyOfBytes.set(hex(b), key);
      succ.load(new Int32Array(b.buffer), 0);
      succ.passed();
      succ.events.forEach((e, k) => {
        const what = `${formatSyscallEvent(e)} from ${key}`;
        const r = step(cfg, n.sys, e);
        const got = succ.step(k, 0);
        if (r.kind === 'rejected') {
          agree(got, REJECTED, what);
          return;
        }
        // the search steps only the candidates whose one-byte guards pass
        agree((succ.passing[k >> 5] ?? 0) & (1 << (k & 31)), 1 << (k & 31), `the one-byte guards of ${what}`);
        transitions++;
        if (succ.judgedByBytes) byBytes++;
        const t = judge.stepModel(n, e, r, 0, 'copy');
        agree(got === ACCEPTED ? '' : ids(succ.violations), ids(t.violations), what);
        if (t.violations === undefined) {
          agree(hex(succ.bytes), hex(encode(t.node)), `the successor by ${what}`);
          succ.nodeOfKey(succ.key(), rebuilt);
          agree(hex(rebuiltBytes), hex(succ.bytes), `the successor by ${what} rebuilt from its store key`);
        }
      });
    }
    return { states: nodes.length, transitions, byBytes, remembered: succ.remembered };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * Explores the packed space `mutation` makes (at most `limit` states) and, on every transition
 * the engine accepts, compares its verdicts (`leftOut` removed) with the step judge's own on the
 * states its bytes stand for, and its ghosts with the judge's; returns the disagreements (with
 * `leftOut`, the first only) and the properties the byte judge found failing.
 */
function mutantVerdicts(
  cfg: Config,
  mutation: SyscallPackedMutation,
  limit: number,
  leftOut: string | null = null,
) {
  const L = syscallPackedLayout(cfg);
  const judge = objectJudge(cfg);
  const succ = new SyscallPackedSuccessors(cfg, STEPS, mutation, leftOut);
  const queue: Uint8Array[] = [succ.initial().slice()];
  const seen = new Set<string>([hex(queue[0] ?? new Uint8Array())]);
  const bad: string[] = [];
  const failed = new Set<string>();
  for (let head = 0; head < queue.length && head < limit; head++) {
    const b = queue[head] ?? new Uint8Array();
    succ.load(new Int32Array(b.buffer), 0);
    const before = decodeSyscallNode(L, b, 0);
    const node: SyscallNode = { ...before, rt: undefined, shadow: undefined };
    for (const [k, e] of succ.events.entries()) {
      const got = succ.step(k, 0);
      if (got === REJECTED) continue;
      const after = decodeSyscallNode(L, succ.bytes, 0).sys;
      const r = { kind: 'accepted' as const, state: after, ...succ.lastAccess(succ.lastCode), effects: [] };
      const t = judge.stepModel({ ...node, ...decodeSyscallNode(L, b, 0) }, e, r, 0, 'copy');
      const want = ids(t.violations);
      const have = got === ACCEPTED ? '' : ids(succ.violations);
      if (succ.judgedByBytes) for (const v of t.violations ?? []) failed.add(v.property);
      if (have !== want) {
        bad.push(`${formatSyscallEvent(e)}: ${have} vs ${want}`);
        if (leftOut !== null) return { bad, failed: [...failed] };
        continue;
      }
      if (got !== ACCEPTED) continue;
      const ghosts = new Uint8Array(L.width);
      encodeSyscallNode(L, ghosts, 0, after, t.node.cghost, t.node.ghost);
      if (hex(ghosts) !== hex(succ.bytes)) bad.push(`${formatSyscallEvent(e)}: the ghosts differ`);
      const h = hex(succ.bytes);
      if (seen.has(h)) continue;
      seen.add(h);
      queue.push(succ.bytes.slice());
    }
  }
  return { bad, failed: [...failed] };
}

/** Where each seeded bug is explored, and the property it makes fail. */
const MUTANT_PLACES: Readonly<Record<SyscallSuccessorMutation, { cfg: () => Config; fails: string }>> = {
  completeTwice: { cfg: () => preset('small'), fails: 'exactlyOnceReply' },
  signalReadsAtOnce: { cfg: () => preset('small'), fails: 'replyRouting' },
  callForgetsRequest: { cfg: () => preset('small'), fails: 'requestConservation' },
  callOverwrites: { cfg: () => TWO_CALLERS, fails: 'boundedRing' },
  signalSendsNothing: { cfg: () => preset('small'), fails: 'noLostIpcWakeup' },
  takeTakesTaken: { cfg: () => TWO_DISPATCHERS, fails: 'singleConsumer' },
  publishLeavesFilling: { cfg: () => preset('small'), fails: 'publishBeforeSignal' },
  offlineSendDropped: { cfg: () => preset('small'), fails: 'offlineRetention' },
  parkRegisters: { cfg: () => preset('small'), fails: 'syscallNoRegisterWhileRunning' },
};
/** States each bug's space is explored to (its first failing steps are within a few hundred). */
const MUTANT_LIMIT = 800;

/**
 * Fails on a Call once a ring's head has gone round to 3 (three requests read): a deep first
 * violation in small, on a step the drains never take (they make no calls), so the object engine
 * finds it on a transition of its search too.
 */
const NO_FOURTH_CALL: SyscallStepProperty = {
  id: 'noFourthCall',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'test',
  description: 'no call once a ring head reached 3 (false: a violation for the test to find)',
  check: (ctx) =>
    ctx.event.type === 'Call' && ctx.before.rings.some((r) => r.head === 3) ? 'a call at head 3' : null,
};

describe('packed syscall engine', () => {
  it.each([
    ['small', preset('small'), Number.POSITIVE_INFINITY, { states: 12_184, transitions: 48_936 }],
    ['dispatchers (first 3,396 states)', TWO_DISPATCHERS, 4000, { states: 3396 }],
    ['two callers (first 1,515 states)', TWO_CALLERS, 2000, { states: 1515 }],
  ])('steps and judges every transition of %s as the step judge does', (_, cfg, limit, counts) => {
    const out = compareTransitions(cfg, limit);
    expect(out).toMatchObject(counts);
    // every transition of the model alone is judged over bytes, many with a remembered controller half
    if ('transitions' in out) {
      expect(out.byBytes).toBe(out.transitions);
      expect(out.remembered).toBeGreaterThan(out.transitions / 2);
    }
  });

  it('counts what the manifest records for every syscall preset it explores without symmetry', () => {
    const entries = readManifest().entries.filter(
      (e) =>
        e.protocol === 'syscall' && e.impl === 'model' && e.symmetry !== true && e.preset !== 'spec-small',
    );
    expect(entries.map((e) => e.preset).sort()).toEqual(['dispatchers', 'small', 'tiny']);
    for (const e of entries) {
      const out = exploreSyscallPacked(preset(e.preset), SEL);
      expect(out, e.preset).toEqual({
        kind: e.verdict,
        distinct: e.distinctStates,
        transitions: e.transitions,
        diameter: e.diameter,
        constrained: 0,
      });
    }
  });

  it('walks the drains the graph engine walks, failing ones included', () => {
    const cfg = { ...TWO_DISPATCHERS, drainBound: 6 };
    const packed = searchSyscallPacked(cfg, SEL);
    const graph = searchSyscallGraph(cfg, SEL, {});
    if (packed.kind !== 'complete' || graph.kind !== 'complete') throw new Error('incomplete searches');
    let failing = 0;
    for (let id = 0; id < packed.distinct; id++) {
      const a = packed.graph.walk(id, 0);
      const b = graph.graph.walk(id, 0);
      agree(JSON.stringify(a), JSON.stringify(b), `the drain from state ${id}`);
      if (!a.ok) failing++;
    }
    expect(failing).toBeGreaterThan(0);
  });

  it('stops at --max-states where the object engine does, and reports progress where it does', () => {
    const cfg = preset('small');
    const seen = (run: (o: { onProgress: (p: ExploreProgress) => void }) => unknown) => {
      const ps: ExploreProgress[] = [];
      const out = run({ onProgress: (p) => ps.push(p) });
      return { out, ps };
    };
    const bounded = { maxStates: 5000, progressEvery: 1000 };
    const packed = seen((o) => exploreSyscallPacked(cfg, SEL, { ...bounded, ...o }));
    expect(packed).toEqual(seen((o) => explore(syscallSpace(cfg, undefined, SEL), { ...bounded, ...o })));
    expect(packed.out).toMatchObject({ kind: 'maxStates', distinct: 5000 });
    // a complete search: the graph engine's reports (the object engine's, without its drains' cost)
    const every = { progressEvery: 3000 };
    const complete = seen((o) => exploreSyscallPacked(cfg, SEL, { ...every, ...o }));
    expect(complete).toEqual(seen((o) => exploreSyscallGraph(cfg, SEL, { ...every, ...o })));
  });

  it('answers a failing leads-to check and a failing step property as the object engine does', () => {
    const short = { ...TWO_DISPATCHERS, drainBound: 6 };
    const objects = explore(syscallSpace(short, undefined, SEL));
    expect(objects).toMatchObject({ kind: 'violation', where: 'liveness' });
    expect(exploreSyscallPacked(short, SEL)).toEqual(objects);
    const cfg = preset('small');
    const sel = { ...SEL, step: [...SEL.step, NO_FOURTH_CALL] };
    const want = explore(syscallSpace(cfg, undefined, sel));
    if (want.kind !== 'violation' || want.where !== 'step') throw new Error('small makes no call at head 3');
    expect(want.path.length).toBeGreaterThan(10);
    const found = searchSyscallPacked(cfg, sel);
    expect(found).toMatchObject({
      kind: 'violation',
      properties: want.violations.map((v) => v.property),
      path: want.path,
    });
    expect(exploreSyscallPacked(cfg, sel)).toEqual(want);
  });

  it.each(SYSCALL_PACKED_MUTATIONS)('catches the seeded bug %s', (mutation) => {
    const place = MUTANT_PLACES[mutation];
    const cfg = place.cfg();
    // the per-transition comparison with the step judge sees it
    expect(compareTransitions(cfg, MUTANT_LIMIT, mutation)).toHaveProperty('error');
    // on the space it makes, the byte verdicts and ghosts are the properties' own, and one fails
    const out = mutantVerdicts(cfg, mutation, MUTANT_LIMIT);
    expect(out.bad).toEqual([]);
    expect(out.failed).toContain(place.fails);
    // the search finds a violation, the same one whether the verdicts on a successor alone are
    // judged once per distinct state (the default) or on every transition, as the step judge does
    const found = searchSyscallPacked(cfg, SEL, { mutation });
    expect(found).toMatchObject({ kind: 'violation' });
    expect(found).toEqual(searchSyscallPacked(cfg, SEL, { mutation, everyTransition: true }));
  });

  it('catches a controller-step memo that recalls one access for another (the same event, another argument)', () => {
    // the per-transition comparison runs with the memo on (two callers: a wake's Enqueue varies by
    // caller), so a wrong recall is a wrong successor; without the bug the same walk agrees (above)
    const out = compareTransitions(TWO_CALLERS, MUTANT_LIMIT, 'memoIgnoresArgument');
    expect(out).toHaveProperty('error');
    expect('error' in out ? out.error : '').toMatch(/^the successor by /);
  });

  it('fails the leads-to check over the graph with a seeded bug in the drain graph', () => {
    const cfg = preset('small');
    const found = searchSyscallPacked(cfg, SEL, { mutation: 'drainForgetsFetch' });
    if (found.kind !== 'complete') throw new Error('the seeded drain bug changes no step');
    let failing = 0;
    for (let id = 0; id < found.distinct; id++) if (!found.graph.walk(id, 0).ok) failing++;
    expect(failing).toBeGreaterThan(0);
    // the object engine's drains succeed: the engine ends in an internal error, never a pass
    expect(() => exploreSyscallPacked(cfg, SEL, { mutation: 'drainForgetsFetch' })).toThrow(/disagree/);
  });

  it('ends a seeded bug in an internal error: the object engine finds no violation on its path', () => {
    const cfg = preset('tiny');
    expect(() => exploreSyscallPacked(cfg, SEL, { mutation: 'completeTwice' })).toThrow(/disagree/);
  });

  it('is the default for the model alone and names itself; --symmetry keeps the graph engine', async () => {
    const base = ['explore', '--protocol', 'syscall', '--preset', 'tiny', '--json'];
    const alone = await runCli(base);
    expect(alone.code).toBe(0);
    const counts = { distinct: 6092, transitions: 24_468, diameter: 68, verdict: 'complete' };
    expect(JSON.parse(alone.stdout)).toMatchObject({ engine: 'judged', ...counts });
    const objects = await runCli([...base, '--engine', 'objects']);
    expect(JSON.parse(objects.stdout)).toMatchObject(counts);
    const orbits = await runCli([...base, '--symmetry']);
    expect(orbits.code).toBe(0);
    expect(JSON.parse(orbits.stdout)).toMatchObject({ engine: 'graph', symmetry: true });
  });

  it.each(SYSCALL_PACKED_MUTATIONS)('sees the byte verdict for what %s breaks left out', (mutation) => {
    const place = MUTANT_PLACES[mutation];
    const out = mutantVerdicts(place.cfg(), mutation, MUTANT_LIMIT, place.fails);
    expect(out.bad.length).toBe(1);
  });
});
