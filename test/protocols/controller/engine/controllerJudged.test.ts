/**
 * The controller's judged engine against the object engine (explore.ts over controllerSpace.ts):
 * on every transition of the tiny preset and of the first states of small, the packed successor
 * with its ghost is the step judge's successor encoded and the failing properties are the
 * judge's; packed nodes are equal exactly when the object engine's keys are; the engine counts
 * what the object engine counts (small: 42,240 states, 971,520 transitions, diameter 16), stops
 * at --max-states where it stops, reports progress as it does, and on a violation finds the same
 * first failing transition, properties and path. Three seeded bugs in the successor function
 * (controllerPackedMutation.ts) are caught by the comparison, make the properties fail on the
 * states they lead to, and end in an internal error since the model does not fail that path. The
 * command line picks it for the model alone and falls back to the object engine for a mutant.
 */
import { describe, expect, it } from 'vitest';
import { type ExploreProgress, explore } from '../../../../engine/explore/explore.ts';
import { controllerAlphabet } from '../../../../protocols/controller/engine/controllerAlphabet.ts';
import { controllerSpace } from '../../../../protocols/controller/engine/controllerSpace.ts';
import { accessContext, accessFailures } from '../../../../protocols/controller/engine/judgeAccess.ts';
import { exploreControllerJudged } from '../../../../protocols/controller/engine/packed/controllerJudgedExplore.ts';
import {
  controllerPackedLayout,
  decodeControllerNode,
  encodeControllerNode,
} from '../../../../protocols/controller/engine/packed/controllerPackedLayout.ts';
import type { ControllerPackedMutation } from '../../../../protocols/controller/engine/packed/controllerPackedMutation.ts';
import { ControllerPackedSuccessors } from '../../../../protocols/controller/engine/packed/controllerPackedSuccessors.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { formatEvent } from '../../../../protocols/controller/model/formatEvent.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import type { ControllerStepProperty } from '../../../../protocols/controller/properties/context.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../../protocols/controller/properties/selection.ts';
import { exploreControllerJudgedProtocol } from '../../../../protocols/family/exploreJudgedProtocol.ts';
import { exploreProtocol } from '../../../../protocols/family/exploreProtocol.ts';
import { readManifest } from '../../../../protocols/manifest.ts';
import { runCli, tempDir } from '../../../cli/runCli.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { NEVER_QUEUE_FULL } from './neverQueueFull.ts';

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));
const MUTATIONS: readonly ControllerPackedMutation[] = ['forgetsCustody', 'keepsOldReady', 'readKeepsError'];
/** States of small the IPC bugs' verdict comparisons walk (their first failing sends are within a hundred). */
const SEND_LIMIT = 2000;

const preset = (name: string): Config => presetOf('controller', name);

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * Throws, naming `what`, when the engine's `got` is not the reference's `want`: the per-transition
 * comparisons below make hundreds of thousands of them, which `expect` would make seconds slower.
 */
function agree<T>(got: T, want: T, what: string): void {
  if (got !== want) throw new Error(`${what}: ${String(got)} where the object engine has ${String(want)}`);
}

/**
 * Walks the object engine's space breadth first (at most `limit` states) and, on every
 * transition, compares the packed successor function with the object step judge.
 */
function compareTransitions(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  limit: number,
  mutation: ControllerPackedMutation | null = null,
) {
  const space = controllerSpace(cfg, undefined, properties);
  const L = controllerPackedLayout(cfg);
  const succ = new ControllerPackedSuccessors(cfg, properties, mutation);
  const bytesOfKey = new Map<string, string>();
  const keyOfBytes = new Map<string, string>();
  const encode = (n: ReturnType<typeof space.initial>): Uint8Array => {
    const b = new Uint8Array(L.width);
    encodeControllerNode(L, b, 0, n.abs, n.ghost, n.ended);
    return b;
  };
  /** Records that the node `n` (its bytes `b`) is a state: keys and bytes must match one to one. */
  const admit = (n: ReturnType<typeof space.initial>, b: Uint8Array): boolean => {
    const key = space.key(n);
    const h = hex(b);
    const known = bytesOfKey.get(key);
    agree(known ?? h, h, 'one key, two byte strings');
    agree(keyOfBytes.get(h) ?? key, key, 'one byte string, two keys');
    bytesOfKey.set(key, h);
    keyOfBytes.set(h, key);
    return known === undefined;
  };
  const init = space.initial();
  const initBytes = encode(init);
  agree(hex(succ.initial()), hex(initBytes), 'the initial node');
  admit(init, initBytes);
  const queue: { node: typeof init; bytes: Uint8Array; depth: number }[] = [
    { node: init, bytes: initBytes, depth: 0 },
  ];
  let transitions = 0;
  let failing = 0;
  let byBytes = 0;
  for (let head = 0; head < queue.length && head < limit; head++) {
    const { node, bytes, depth } = queue[head] ?? queue[0] ?? { node: init, bytes: initBytes, depth: 0 };
    // the decoded node is the node (what the ghost keeps of it)
    agree(hex(encode({ ...node, ...decodeControllerNode(L, bytes, 0) })), hex(bytes), 'decoding');
    const open = succ.load(bytes, 0);
    const events = space.enabled(node);
    agree(open, events.length > 0, 'open');
    for (const [k, e] of events.entries()) {
      transitions++;
      const ref = space.step(node, e, depth, false);
      const got = succ.step(k, depth); // the space's events are the alphabet, in its order
      if (succ.judgedByBytes) byBytes++;
      if (ref.kind === 'violation') {
        failing++;
        agree(
          got?.map((v) => v.property).join(),
          ref.violations.map((v) => v.property).join(),
          formatEvent(e),
        );
        continue;
      }
      agree(got?.map((v) => v.property).join(), undefined, formatEvent(e));
      const want = encode(ref.node);
      agree(hex(succ.bytes), hex(want), `the successor by ${formatEvent(e)}`);
      if (admit(ref.node, want)) queue.push({ node: ref.node, bytes: want, depth: depth + 1 });
    }
  }
  return { states: queue.length, transitions, failing, byBytes };
}

/**
 * Explores the packed space a seeded bug makes and, on every transition, compares the engine's
 * verdict with the properties' own on the states its bytes stand for (the byte verdict, where
 * the byte judge read the step), `leftOut` removed from the engine's verdict: the transitions
 * where they differ (with `leftOut`, the first only), and how many byte verdicts found a failing
 * property.
 */
function mutantVerdicts(
  cfg: Config,
  mutation: ControllerPackedMutation,
  leftOut?: string,
  limit = Number.POSITIVE_INFINITY,
) {
  const L = controllerPackedLayout(cfg);
  const succ = new ControllerPackedSuccessors(cfg, PROPS, mutation);
  const events = controllerAlphabet(cfg);
  const seen = new Map<string, number>();
  const queue: { bytes: Uint8Array; depth: number }[] = [{ bytes: succ.initial().slice(), depth: 0 }];
  seen.set(hex(queue[0]?.bytes ?? new Uint8Array()), 0);
  const bad: string[] = [];
  const failed = new Set<string>();
  let failing = 0;
  for (let head = 0; head < queue.length && head < limit; head++) {
    const { bytes, depth } = queue[head] ?? { bytes: new Uint8Array(), depth: 0 };
    if (!succ.load(bytes, 0)) continue;
    const { state: before, ghost } = decodeControllerNode(L, bytes, 0);
    for (const [k, e] of events.entries()) {
      const got = (succ.step(k, depth) ?? []).map((v) => v.property).filter((id) => id !== leftOut);
      const after = decodeControllerNode(L, succ.bytes, 0).state;
      const obs = step(cfg, before, e).obs;
      const ctx = accessContext(cfg, undefined, depth, e, obs, { before, after }, undefined, ghost);
      const want = (accessFailures(PROPS, ctx) ?? []).map((v) => v.property);
      if (succ.judgedByBytes && want.length > 0) {
        failing++;
        for (const id of want) failed.add(id);
      }
      if (got.join() !== want.join()) {
        bad.push(`${hex(bytes)} ${formatEvent(e)}: ${got.join()} vs ${want.join()}`);
        // with a verdict left out, the caller asks only whether the comparison fails: once is enough
        if (leftOut !== undefined) return { bad, failing, failed: [...failed] };
      }
      if (got.length > 0) continue;
      const h = hex(succ.bytes);
      if (seen.has(h)) continue;
      seen.set(h, queue.length);
      queue.push({ bytes: succ.bytes.slice(), depth: depth + 1 });
    }
  }
  return { bad, failing, failed: [...failed] };
}

/**
 * mutantVerdicts of each of MUTATIONS on the tiny preset, whole (no verdict left out, no limit):
 * searched once for the two tests below that read it (each mutant space is explored in full,
 * every transition judged twice: the costliest part of both tests).
 */
const tinyMutantVerdicts = new Map<ControllerPackedMutation, ReturnType<typeof mutantVerdicts>>();
function wholeTinyMutantVerdicts(mutation: ControllerPackedMutation): ReturnType<typeof mutantVerdicts> {
  const known = tinyMutantVerdicts.get(mutation);
  if (known !== undefined) return known;
  const out = mutantVerdicts(preset('tiny'), mutation);
  tinyMutantVerdicts.set(mutation, out);
  return out;
}

describe('judged controller engine', () => {
  it('steps and judges every tiny transition as the step judge does, keys and bytes one to one', () => {
    const { byBytes, ...out } = compareTransitions(preset('tiny'), PROPS, Number.POSITIVE_INFINITY);
    expect(out).toEqual({ states: 4480, transitions: 94_080, failing: 0 });
    // every access of the model alone is judged over bytes (none changes a queue otherwise than one access does)
    expect(byBytes).toBe(94_080);
  });

  it('steps and judges the transitions of the first 3,000 small states as the step judge does', () => {
    const out = compareTransitions(preset('small'), PROPS, 3000);
    expect(out.transitions).toBe(3000 * 23);
  });

  it('reports the failing properties as the step judge does, where a property fails', () => {
    const out = compareTransitions(preset('tiny'), [...PROPS, NEVER_QUEUE_FULL], Number.POSITIVE_INFINITY);
    expect(out.failing).toBeGreaterThan(0);
  });

  it.each<[ControllerPackedMutation, string]>([
    ['forgetsCustody', 'taskConservation'],
    ['keepsOldReady', 'taskConservation'],
    ['readKeepsError', 'errorReporting'],
  ])(
    'catches the seeded successor bug %s: the comparison fails, the properties fail on the states it leads to, and the model does not',
    (mutation, property) => {
      const cfg = preset('tiny');
      expect(() => compareTransitions(cfg, PROPS, Number.POSITIVE_INFINITY, mutation)).toThrow();
      const out = exploreControllerJudged(cfg, PROPS, { mutation });
      if (out.kind !== 'violation') throw new Error(`${mutation}: no violation`);
      expect(out.properties).toContain(property);
      // the verdicts on a successor alone judged on every transition: the same first violation
      expect(exploreControllerJudged(cfg, PROPS, { mutation, everyTransition: true })).toEqual(out);
      expect(() => exploreControllerJudgedProtocol(cfg, { mutation })).toThrow(
        /does not fail in runController/,
      );
    },
  );

  it.each<[ControllerPackedMutation, string[]]>([
    ['sendCountsBesideHandler', ['noLostWakeup']],
    ['sendKeepsHandler', ['taskConservation', 'noLostWakeup']],
    ['sendWakesLow', ['wakePriority']],
  ])(
    'catches the seeded IPC-send bug %s on small: the comparison fails, and the byte judge fails the send as the properties do',
    (mutation, properties) => {
      const cfg = preset('small');
      expect(() => compareTransitions(cfg, PROPS, SEND_LIMIT, mutation)).toThrow();
      const out = exploreControllerJudged(cfg, PROPS, { mutation });
      if (out.kind !== 'violation') throw new Error(`${mutation}: no violation`);
      expect(out.properties).toEqual(properties);
      expect(exploreControllerJudged(cfg, PROPS, { mutation, everyTransition: true })).toEqual(out);
      expect(() => exploreControllerJudgedProtocol(cfg, { mutation })).toThrow(
        /does not fail in runController/,
      );
      const { bad, failing, failed } = mutantVerdicts(cfg, mutation, undefined, SEND_LIMIT);
      expect(bad).toEqual([]);
      expect(failing).toBeGreaterThan(0);
      expect(failed).toEqual(expect.arrayContaining(properties));
      for (const id of properties)
        expect(mutantVerdicts(cfg, mutation, id, SEND_LIMIT).bad.length).toBeGreaterThan(0);
    },
  );

  it('finds a violation of a verdict on the successor alone at the same transition, judged once per state or on every one', () => {
    // a send counted beside a waiting handler, then another: the pending count past its bound, which
    // only capacityBound's bounds after the step (judgeState, once per distinct state) see
    const props = selectControllerProperties(['capacityBound']);
    const mutation = 'sendCountsBesideHandler';
    const once = exploreControllerJudged(preset('small'), props, { mutation });
    if (once.kind !== 'violation') throw new Error('no violation');
    expect(once.properties).toEqual(['capacityBound']);
    expect(once.path.at(-1)?.type).toBe('IpcSend');
    expect(exploreControllerJudged(preset('small'), props, { mutation, everyTransition: true })).toEqual(
      once,
    );
  });

  it('judges the failing steps of both seeded bugs over bytes as the properties themselves do', () => {
    const runs = MUTATIONS.map((m) => wholeTinyMutantVerdicts(m));
    expect(runs.flatMap((r) => r.bad)).toEqual([]);
    expect(Math.min(...runs.map((r) => r.failing))).toBeGreaterThan(0);
  });

  it('reports a disagreement when any byte verdict that fails is left out (the comparison can fail)', () => {
    for (const mutation of MUTATIONS) {
      const { failed } = wholeTinyMutantVerdicts(mutation);
      expect(failed.length).toBeGreaterThan(0);
      for (const id of failed)
        expect(mutantVerdicts(preset('tiny'), mutation, id).bad.length).toBeGreaterThan(0);
    }
  });

  it('counts what the object engine counts (tiny)', () => {
    const cfg = preset('tiny');
    const judged = exploreControllerJudged(cfg, PROPS);
    const { constrained, ...ref } = explore(controllerSpace(cfg, undefined, PROPS));
    expect(constrained).toBe(0);
    expect(judged).toEqual(ref);
  });

  it("counts what the object engine counts (small: the manifest's entry, which scripts/exploreManifest.ts re-checks)", () => {
    const entry = readManifest().entries.find(
      (e) => e.protocol === 'controller' && e.preset === 'small' && e.impl === 'model' && e.symmetry !== true,
    );
    expect(entry).toMatchObject({
      verdict: 'complete',
      distinctStates: 42_240,
      transitions: 971_520,
      diameter: 16,
    });
    expect(exploreControllerJudged(preset('small'), PROPS)).toEqual({
      kind: 'complete',
      distinct: entry?.distinctStates,
      transitions: entry?.transitions,
      diameter: entry?.diameter,
    });
  });

  it('finds the first violation in BFS order with the object engine path and counts', () => {
    const cfg = preset('small');
    const props = [...PROPS, NEVER_QUEUE_FULL];
    const judged = exploreControllerJudged(cfg, props);
    const ref = explore(controllerSpace(cfg, undefined, props));
    if (judged.kind !== 'violation' || ref.kind !== 'violation') throw new Error('no violation');
    expect(judged).toEqual({
      kind: 'violation',
      properties: ref.violations.map((v) => v.property),
      path: ref.path,
      distinct: ref.distinct,
      transitions: ref.transitions,
      diameter: ref.diameter,
    });
    expect(judged.properties).toEqual(['neverQueueFull']);
  });

  it('stops at --max-states and reports progress where the object engine does', () => {
    const cfg = preset('small');
    const seen: ExploreProgress[] = [];
    const ref: ExploreProgress[] = [];
    const judged = exploreControllerJudged(cfg, PROPS, {
      maxStates: 12_345,
      progressEvery: 1000,
      onProgress: (p) => seen.push(p),
    });
    const obj = explore(controllerSpace(cfg, undefined, PROPS), {
      maxStates: 12_345,
      progressEvery: 1000,
      onProgress: (p) => ref.push(p),
    });
    const { constrained: _, ...counts } = obj;
    expect(judged).toEqual(counts);
    expect(judged.kind).toBe('maxStates');
    expect(seen).toEqual(ref);
    const all: ExploreProgress[] = [];
    exploreControllerJudged(preset('tiny'), PROPS, { progressEvery: 1000, onProgress: (p) => all.push(p) });
    const allRef: ExploreProgress[] = [];
    explore(controllerSpace(preset('tiny'), undefined, PROPS), {
      progressEvery: 1000,
      onProgress: (p) => allRef.push(p),
    });
    expect(all).toEqual(allRef);
  });

  it('reports like the explorer (exploreProtocol) on the model alone', () => {
    const cfg = preset('tiny');
    const judged = exploreControllerJudgedProtocol(cfg);
    const ref = exploreProtocol({ protocol: 'controller', impl: undefined, cfg });
    expect(judged).toEqual({
      kind: 'complete',
      distinct: ref.distinct,
      transitions: ref.transitions,
      diameter: ref.diameter,
      constrained: 0,
    });
  });

  it('is the default for the model alone, names itself, and leaves a mutant to the object engine', async () => {
    const alone = await runCli(['explore', '--protocol', 'controller', '--preset', 'tiny', '--json']);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toMatchObject({ engine: 'judged', distinct: 4480, verdict: 'complete' });
    const out = tempDir();
    const args = ['explore', '--protocol', 'controller', '--mutant', 'offline-drops', '--json', '--out', out];
    const auto = await runCli(args);
    const objects = await runCli([...args, '--engine', 'objects']);
    expect(auto.code).toBe(1);
    expect(JSON.parse(auto.stdout)).toEqual({
      ...JSON.parse(objects.stdout),
      seconds: expect.any(Number),
      statesPerSecond: expect.any(Number),
    });
    const refused = await runCli([...args, '--engine', 'judged']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--engine judged: it explores the model alone/);
  });
});
