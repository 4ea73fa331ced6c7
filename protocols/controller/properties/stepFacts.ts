/**
 * What one step did to the queues, derived from abs(before) and abs(after) alone: which FIFOs
 * changed, which instances left and entered each, and the net change of held instances. Several
 * properties need the same facts, so they are computed once per step context and cached.
 */
import type { ControllerState, Waiter } from '../model/state.ts';
import type { ControllerStepContext } from './context.ts';

/** How one FIFO changed between before and after. */
export interface QueueChange<T> {
  /** Index of the FIFO in its flat table (`ready[p * P + k]`, `irqWait[d]`, `ipcWait[p * T + t]`). */
  readonly index: number;
  /** Instances that left (for a FIFO change: the dropped head). */
  readonly removed: readonly T[];
  /** Instances that entered (for a FIFO change: the appended tail, in order). */
  readonly added: readonly T[];
  /**
   * How many entries left at the head (0: entries were only appended at the tail), the rest of
   * the queue keeping its order with any new entries behind it; -1 for anything else (reordered,
   * a middle entry removed, an entry inserted ahead of older ones). Computed for the smallest
   * change that explains the two queues, since no single step both takes and adds on one queue.
   */
  readonly headDrop: number;
}

/** What a step did to the queues; arrays and maps are shared empties when nothing changed. */
export interface StepFacts {
  readonly ready: readonly QueueChange<bigint>[];
  readonly irqWait: readonly QueueChange<Waiter>[];
  readonly ipcWait: readonly QueueChange<bigint>[];
  /** Net change of every held instance (ready and blocked queues), by task id; zeros omitted. */
  readonly held: ReadonlyMap<bigint, number>;
  /** Net change of the instances in ready queues, by task id; zeros omitted. */
  readonly readyNet: ReadonlyMap<bigint, number>;
}

const sameTask = (a: bigint, b: bigint): boolean => a === b;
const sameWaiter = (a: Waiter, b: Waiter): boolean => a.p === b.p && a.task === b.task;
const waiterTask = (w: Waiter): bigint => w.task;
const taskOf = (t: bigint): bigint => t;
const NONE: readonly never[] = Object.freeze([]);

/** `a` holds `b[from..]` at its start. */
function startsWith<T>(
  a: readonly T[],
  b: readonly T[],
  from: number,
  same: (x: T, y: T) => boolean,
): boolean {
  if (a.length < b.length - from) return false;
  for (let i = from; i < b.length; i++) {
    const x = a[i - from];
    const y = b[i];
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

/** The smallest multiset change from `b` to `a`: the entries of `b` not in `a`, and of `a` not in `b`. */
function multisetDiff<T>(
  b: readonly T[],
  a: readonly T[],
  same: (x: T, y: T) => boolean,
): { removed: T[]; added: T[] } {
  const matched = new Array<boolean>(b.length).fill(false);
  const added: T[] = [];
  for (const x of a) {
    const j = b.findIndex((y, i) => !matched[i] && same(x, y));
    if (j >= 0) matched[j] = true;
    else added.push(x);
  }
  return { removed: b.filter((_, i) => !matched[i]), added };
}

/** How queue `index` changed from `b` to `a`, or null when it holds the same entries in the same order. */
export function queueChange<T>(
  index: number,
  b: readonly T[],
  a: readonly T[],
  same: (x: T, y: T) => boolean,
): QueueChange<T> | null {
  if (a === b) return null;
  if (startsWith(a, b, 0, same)) {
    return a.length === b.length ? null : { index, removed: NONE, added: a.slice(b.length), headDrop: 0 };
  }
  const head = b[0];
  if (head !== undefined && a.length === b.length - 1 && startsWith(a, b, 1, same)) {
    return { index, removed: [head], added: NONE, headDrop: 1 }; // the usual DEQUEUE or wake
  }
  const diff = multisetDiff(b, a, same);
  const k = diff.removed.length;
  if (k > 0 && startsWith(a, b, k, same)) {
    return { index, removed: b.slice(0, k), added: a.slice(b.length - k), headDrop: k };
  }
  return { index, ...diff, headDrop: -1 };
}

const NO_CHANGES: readonly QueueChange<never>[] = Object.freeze([]);
const NO_DELTA: ReadonlyMap<bigint, number> = new Map();

/** The changed queues of a table (allocates only when one changed). */
function changes<T>(
  bs: readonly (readonly T[])[],
  as: readonly (readonly T[])[],
  same: (x: T, y: T) => boolean,
): readonly QueueChange<T>[] {
  if (bs === as) return NO_CHANGES;
  let out: QueueChange<T>[] | undefined;
  const n = Math.max(bs.length, as.length);
  for (let i = 0; i < n; i++) {
    const b = bs[i];
    const a = as[i];
    if (a === b) continue; // shared, unchanged queue: nothing to look into
    const c = queueChange(i, b ?? NONE, a ?? NONE, same);
    if (c === null) continue;
    out ??= [];
    out.push(c);
  }
  return out ?? NO_CHANGES;
}

/** Adds each change's entries (+1) and removals (−1) into `into`, by task id. */
function tally<T>(into: Map<bigint, number>, cs: readonly QueueChange<T>[], task: (x: T) => bigint): void {
  for (const c of cs) {
    for (const x of c.removed) into.set(task(x), (into.get(task(x)) ?? 0) - 1);
    for (const x of c.added) into.set(task(x), (into.get(task(x)) ?? 0) + 1);
  }
}

function withoutZeros(m: Map<bigint, number>): ReadonlyMap<bigint, number> {
  for (const [k, n] of m) if (n === 0) m.delete(k);
  return m.size === 0 ? NO_DELTA : m;
}

/** The facts of a step computed from its two abstract states (uncached). */
export function computeStepFacts(before: ControllerState, after: ControllerState): StepFacts {
  const ready = changes(before.ready, after.ready, sameTask);
  const irqWait = changes(before.irqWait, after.irqWait, sameWaiter);
  const ipcWait = changes(before.ipcWait, after.ipcWait, sameTask);
  if (ready.length + irqWait.length + ipcWait.length === 0) {
    return { ready, irqWait, ipcWait, held: NO_DELTA, readyNet: NO_DELTA };
  }
  let readyTally: Map<bigint, number> | undefined;
  if (ready.length > 0) {
    readyTally = new Map<bigint, number>();
    tally(readyTally, ready, taskOf);
    if (irqWait.length + ipcWait.length === 0) {
      // Only ready queues changed: the held instances changed exactly as the ready ones (one read-only map).
      const net = withoutZeros(readyTally);
      return { ready, irqWait, ipcWait, held: net, readyNet: net };
    }
  }
  const held = new Map(readyTally);
  tally(held, irqWait, waiterTask);
  tally(held, ipcWait, taskOf);
  const readyNet = readyTally === undefined ? NO_DELTA : withoutZeros(readyTally);
  return { ready, irqWait, ipcWait, held: withoutZeros(held), readyNet };
}

/** The change of queue `index` among `cs`, or undefined when that queue did not change. */
export function changeAt<T>(cs: readonly QueueChange<T>[], index: number): QueueChange<T> | undefined {
  for (const c of cs) if (c.index === index) return c;
  return undefined;
}

/** One-entry cache: the properties of one step run one after the other on the same context. */
let cachedFor: ControllerStepContext | undefined;
let cached: StepFacts | undefined;

/** The facts of the step `ctx` describes, computed on first use and shared by every property. */
export function stepFacts(ctx: ControllerStepContext): StepFacts {
  if (ctx !== cachedFor || cached === undefined) {
    cached = computeStepFacts(ctx.before, ctx.after);
    cachedFor = ctx;
  }
  return cached;
}
