/**
 * The wasm step judge against PackedStepJudge (the JavaScript reference, and through it
 * PackedControllerJudge) on CORRUPTED steps: the tiny preset's reachable transitions (a state with
 * its ghost, its successor, the access and hart fields PackedSuccessors exposes) with edits chosen
 * by fast-check that stay within the layout's value ranges (a queue entry changed, a length ±1, a
 * pending count, an error bit flipped, a process set online or offline, a hart or task byte, a
 * DEQUEUE's result or another access field, the ghost's counts and bits). Both judges must give the
 * same verdict bits and leave the same ghost bytes (or both throw the same error). The model is
 * correct, so its own transitions never fail most properties (judgedWasm.test.ts): here every
 * controller property the byte judge decides (JUDGED_BY_BYTES) must fail on some case judged by
 * the wasm byte judge itself, and every wakeup step property on some case, or the test fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as A from '../../../../protocols/controller/engine/packed/packedAccess.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../protocols/controller/properties/index.ts';
import { judgedInitial, judgedLayout } from '../../../../protocols/wakeup/engine/packed/judgedExplore.ts';
import type { PackedGhostLayout } from '../../../../protocols/wakeup/engine/packed/packedGhost.ts';
import { HART_W, TASK_W } from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import { PackedStepJudge } from '../../../../protocols/wakeup/engine/packed/packedStepJudge.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import {
  controllerBitsOf,
  JUDGED_BY_BYTES,
  type JudgedWasmStepFields,
  judgedWasmSuccessors,
} from '../../../../protocols/wakeup/engine/wasm/judgedWasmExplore.ts';
import {
  selectWakeupProperties,
  type WakeupSelection,
} from '../../../../protocols/wakeup/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';

const SEL: WakeupSelection = selectWakeupProperties(undefined, undefined);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** One transition: the state (with its ghost), its successor (the state's ghost still), and the step's fields. */
interface Step {
  readonly cur: Uint8Array;
  readonly next: Uint8Array;
  readonly fields: JudgedWasmStepFields;
}

/** The step fields of `s` now (a copy). */
function fieldsOf(s: JudgedWasmStepFields): JudgedWasmStepFields {
  const { acc, accA, accB, accTask, hart, isReturn, isFetch, switchTo, poll } = s;
  return { acc, accA, accB, accTask, hart, isReturn, isFetch, switchTo, poll };
}

/** Every transition from the states the JavaScript judged successors reach on `G`'s preset (passing steps only). */
function transitions(G: PackedGhostLayout): Step[] {
  const succ = new PackedSuccessors(G.L, undefined, G.width);
  const pj = new PackedStepJudge(G, SEL);
  const init = judgedInitial(G);
  const seen = new Set([hex(init)]);
  const queue: Uint8Array[] = [init];
  const out: Step[] = [];
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head];
    if (cur === undefined) continue;
    succ.expand(new Int32Array(cur.buffer, cur.byteOffset, cur.length >> 2), 0, {
      visit: () => {
        out.push({ cur, next: succ.b.slice(), fields: fieldsOf(succ) });
        const bits = pj.stepFailures(succ, 0) | pj.stateFailures(succ.b);
        if (bits !== 0 || pj.ctrlFails !== null) return;
        const key = hex(succ.b);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(succ.b.slice());
        }
      },
    });
  }
  return out;
}

/** What an edit changes (its numbers are reduced into the field's range when applied). */
const EDIT_KINDS = [
  'readyEntry',
  'readyLength',
  'waitEntry',
  'waitLength',
  'pending',
  'errorBit',
  'online',
  'hart',
  'task',
  'accA',
  'accB',
  'accTask',
  'hartFlags',
  'custody',
  'outstanding',
  'undelivered',
  'woken',
  'errorSinceRead',
] as const;
type EditKind = (typeof EDIT_KINDS)[number];

/** One edit of a step: its kind, three numbers and a flag, read by kind (see {@link applyEdit}). */
interface Edit {
  readonly kind: EditKind;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly flag: boolean;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  x: fc.nat(255),
  y: fc.nat(255),
  z: fc.nat(255),
  flag: fc.boolean(),
});

/** A step being corrupted: its states (copies) and fields. */
interface Corrupted {
  readonly cur: Uint8Array;
  readonly next: Uint8Array;
  fields: JudgedWasmStepFields;
}

/** The FIFO of `w`-byte entries at `o` with `slots` slots in `b`: `up` appends `entry`, else removes its head or (`head` false) its tail. */
function resize(
  b: Uint8Array,
  o: number,
  w: number,
  slots: number,
  up: boolean,
  head: boolean,
  entry: number[],
): void {
  const len = b[o] ?? 0;
  if (up) {
    if (len >= slots) return;
    b.set(entry, o + 1 + len * w);
    b[o] = len + 1;
    return;
  }
  if (len === 0) return;
  if (head) b.copyWithin(o + 1, o + 1 + w, o + 1 + len * w);
  b.fill(0, o + 1 + (len - 1) * w, o + 1 + len * w);
  b[o] = len - 1;
}

/**
 * Applies `e` to `c`, every value within its field's range: system edits to the successor, ghost
 * edits to both states (the successor's ghost is still the state's), access edits to the fields
 * of the access the step makes (none for a step without one).
 */
function applyEdit(G: PackedGhostLayout, c: Corrupted, e: Edit): void {
  const L = G.L;
  const {
    processes: P,
    priorities: K,
    devices: D,
    taskPool: T,
    capacity,
    waitDepth,
    pendingMax,
    harts,
  } = L.cfg;
  const n = c.next;
  const { x, y, z, flag } = e;
  const both = (at: number, v: number): void => {
    c.cur[at] = v;
    n[at] = v;
  };
  const f = c.fields;
  switch (e.kind) {
    case 'readyEntry': {
      const o = L.ready + (x % (P * K)) * L.readyW;
      const len = n[o] ?? 0;
      if (len > 0) n[o + 1 + (y % len)] = z % (T + 1);
      return;
    }
    case 'readyLength':
      resize(n, L.ready + (x % (P * K)) * L.readyW, 1, capacity, flag, y % 2 === 0, [1 + (z % T)]);
      return;
    case 'waitEntry': {
      const o = L.irqWait + (x % D) * L.waitW;
      const len = n[o] ?? 0;
      if (len > 0) n.set([1 + ((y >> 1) % P), 1 + (z % T)].slice(y & 1), o + 1 + 2 * (y % len) + (y & 1));
      return;
    }
    case 'waitLength':
      resize(n, L.irqWait + (x % D) * L.waitW, 2, waitDepth, flag, y % 2 === 0, [
        1 + ((y >> 1) % P),
        1 + (z % T),
      ]);
      return;
    case 'pending':
      n[L.irqPending + (x % D)] = y % (pendingMax + 2);
      return;
    case 'errorBit':
      n[L.error] = (n[L.error] ?? 0) ^ (1 << (x % 4));
      return;
    case 'online':
      n[L.online + (x % P)] = (n[L.online + (x % P)] ?? 0) ^ 1;
      return;
    case 'hart': {
      const o = L.harts + (x % harts) * HART_W;
      if (flag) n[o] = y % 5;
      else n.set([1 + (y % P), z % (T + 1)], o + 1);
      return;
    }
    case 'task': {
      const o = L.tasks + (x % T) * TASK_W;
      const field = y % TASK_W;
      const range = [5, P, K, D + 1, D + 1][field] ?? 1;
      n[o + field] = (field === 1 ? 1 : 0) + (z % range);
      return;
    }
    case 'accA':
      if (f.acc !== A.ACC_NONE) c.fields = { ...f, accA: x % (f.acc === A.ACC_IRQ ? D : P) };
      return;
    case 'accB': {
      const range =
        f.acc === A.ACC_STATUS ? 2 : f.acc === A.ACC_ENQUEUE ? K : f.acc === A.ACC_REGISTER ? D : 1;
      if (f.acc !== A.ACC_NONE) c.fields = { ...f, accB: x % range };
      return;
    }
    case 'accTask':
      // a DEQUEUE's result swapped (0: it read empty); the task an ENQUEUE or IRQ_REGISTER writes
      if (f.acc === A.ACC_DEQUEUE) c.fields = { ...f, accTask: x % (T + 1) };
      else if (f.acc === A.ACC_ENQUEUE || f.acc === A.ACC_REGISTER) c.fields = { ...f, accTask: 1 + (x % T) };
      return;
    case 'hartFlags':
      c.fields = flag ? { ...f, isReturn: !f.isReturn } : { ...f, isFetch: !f.isFetch };
      return;
    case 'custody':
      both(G.custody + (x % P) * T + (y % T), z % 3);
      return;
    case 'outstanding': {
      const o = c.cur[G.outstanding] ?? 0;
      if (flag || o > 0) both(G.outstanding, flag ? o + 1 : o - 1);
      return;
    }
    case 'undelivered':
      both(G.undelivered + (x % D), y % 3);
      return;
    case 'woken': {
      const t = x % T;
      both(G.woken + (t >> 3), (c.cur[G.woken + (t >> 3)] ?? 0) ^ (1 << (t & 7)));
      return;
    }
    case 'errorSinceRead':
      both(G.errorSinceRead, (c.cur[G.errorSinceRead] ?? 0) ^ (1 << (x % 4)));
      return;
    default: {
      const never: never = e.kind;
      throw new Error(`no edit ${String(never)}`);
    }
  }
}

/** A judge's verdict on a step: the wakeup bits, the controller bits and the successor after (ghost advanced), or the error it threw. */
type Verdict =
  | { readonly kind: 'judged'; readonly bits: number; readonly ctrl: number; readonly next: string }
  | { readonly kind: 'threw'; readonly message: string };

const threw = (e: unknown): Verdict => ({
  kind: 'threw',
  message: e instanceof Error ? e.message : String(e),
});

/** The controller properties the byte judge decides, and the wakeup step properties, by id. */
const CONTROLLER_IDS: readonly string[] = JUDGED_BY_BYTES;
const WAKEUP_IDS: readonly string[] = SEL.step.map((p) => p.id);

/** The case fast-check draws: a transition (by index) and the edits made to it. */
interface Case {
  readonly i: number;
  readonly edits: readonly Edit[];
}

describe('the judged wasm step judge on corrupted steps', () => {
  const cfg = presetOf('wakeup', 'tiny');
  const G = judgedLayout(cfg);
  const steps = transitions(G);

  it('collects every transition of the tiny preset', () => {
    expect(steps).toHaveLength(8460);
  });

  it('judges 60,000 corrupted steps as PackedStepJudge does, and each property fails on some of them', () => {
    const pj = new PackedStepJudge(G, SEL);
    const s = new PackedSuccessors(G.L, undefined, G.width);
    const wasm = judgedWasmSuccessors(cfg, SEL);
    const fails = new Map<string, number>([...CONTROLLER_IDS, ...WAKEUP_IDS].map((id) => [id, 0]));
    const count = (id: string): void => {
      const n = fails.get(id);
      if (n !== undefined) fails.set(id, n + 1);
    };
    const js = (c: Corrupted): Verdict => {
      s.cur.set(c.cur);
      s.b.set(c.next);
      Object.assign(s, c.fields);
      s.generation++;
      try {
        const bits = pj.stepFailures(s, 0) | pj.stateFailures(s.b);
        return { kind: 'judged', bits, ctrl: controllerBitsOf(pj.ctrlFails ?? []), next: hex(s.b) };
      } catch (e) {
        return threw(e);
      }
    };
    const caseArb: fc.Arbitrary<Case> = fc.record({
      i: fc.nat(steps.length - 1),
      edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(caseArb, ({ i, edits }) => {
        const step = steps[i];
        if (step === undefined) throw new Error(`no transition ${i}`);
        const c: Corrupted = { cur: step.cur.slice(), next: step.next.slice(), fields: step.fields };
        for (const e of edits) applyEdit(G, c, e);
        const want = js(c);
        let inJavaScript = false;
        let got: Verdict;
        try {
          const r = wasm.step(c.cur, c.next, c.fields);
          inJavaScript = r.inJavaScript;
          got = { kind: 'judged', bits: r.bits, ctrl: r.ctrlBits, next: hex(r.next) };
        } catch (e) {
          got = threw(e);
        }
        expect(got).toEqual(want);
        if (want.kind !== 'judged') return;
        // a controller property counts only where the wasm byte judge decided the step itself
        if (!inJavaScript)
          CONTROLLER_STEP_PROPERTIES.forEach((p, k) => {
            if ((want.ctrl & (1 << k)) !== 0) count(p.id);
          });
        for (const id of pj.ids(want.bits)) if (WAKEUP_IDS.includes(id)) count(id);
      }),
      { seed: 20261207, numRuns: 60_000 },
    );
    const never = [...fails].filter(([, n]) => n === 0).map(([id]) => id);
    expect(never, `failing cases per property: ${JSON.stringify(Object.fromEntries(fails))}`).toEqual([]);
  });
});
