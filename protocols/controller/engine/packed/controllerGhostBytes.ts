/**
 * The controller ghost's verdict-relevant part (engine/explore/ghostKey.ts controllerGhostKey) as
 * bytes at fixed offsets, for the packed engines that carry it (the controller's judged engine,
 * the wakeup judged engine's packedGhost.ts): outstanding instances, the error bits owed since the
 * last ERROR read, and the custody count of every (process, task id of the pool). The bits owed per
 * process register stay 0 for the model (it has one global register) and are not stored: encoding
 * refuses any other value. The first step each bit was owed, kept by the object ghost only for
 * messages, is not stored either: it decodes as -1 (no verdict reads it; a violation's path is
 * re-run through the protocol's runner, whose messages name it).
 */
import { endsRun } from '../../model/result.ts';
import type { ControllerStepContext } from '../../properties/context.ts';
import { initialGhost, type MutableControllerGhost } from '../../properties/ghost.ts';
import { stepRequiredErrors } from '../../properties/requiredErrors.ts';
import { stepFacts } from '../../properties/stepFacts.ts';

/** Where the controller ghost's bytes are, from the start of a packed state. */
export interface ControllerGhostBytes {
  /** The configuration's processes and task ids (the custody table's size). */
  readonly processes: number;
  readonly taskPool: number;
  readonly outstanding: number;
  readonly errorSinceRead: number;
  /** custody[p][t - 1] at `custody + p * taskPool + t - 1`. */
  readonly custody: number;
}

/** `v` as a byte, or an error naming `what`. */
export function toByte(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 255)
    throw new Error(`judged engine: ${what} = ${v} is not a byte`);
  return v;
}

/** A task id of the pool as its index 0..taskPool-1 (throws for any other id). */
export function taskIndex(taskPool: number, t: bigint): number {
  const i = Number(t) - 1;
  if (!Number.isInteger(i) || i < 0 || i >= taskPool)
    throw new Error(`judged engine: ghost task id ${t} is not of the pool`);
  return i;
}

/** Writes `g` into `b` at the offsets `at` from `off` (the custody bytes are written whole). */
export function encodeControllerGhost(
  at: ControllerGhostBytes,
  b: Uint8Array,
  off: number,
  g: MutableControllerGhost,
): void {
  const cfg = at;
  b[off + at.outstanding] = toByte(g.outstanding, 'outstanding');
  b[off + at.errorSinceRead] = toByte(g.errorSinceRead, 'errorSinceRead');
  if (g.errorSinceReadOf.some((bits) => bits !== 0))
    throw new Error('judged engine: error bits owed to a per-process register (the model has none)');
  const base = off + at.custody;
  b.fill(0, base, base + cfg.processes * cfg.taskPool);
  for (let p = 0; p < g.custody.length; p++) {
    const m = g.custody[p];
    if (m === undefined) continue;
    if (p >= cfg.processes) throw new Error(`judged engine: custody of process ${p}`);
    for (const [t, n] of m) b[base + p * cfg.taskPool + taskIndex(cfg.taskPool, t)] = toByte(n, 'custody');
  }
}

/**
 * Sets `g` in place to what the bytes of `b` at `off` stand for (the inverse of
 * {@link encodeControllerGhost} on what it keeps): the explorer advances one ghost object past a
 * step, encodes it, and reloads it from the expanded state's bytes before the next sibling.
 */
function reloadControllerGhost(
  g: MutableControllerGhost,
  at: ControllerGhostBytes,
  b: Uint8Array,
  off: number,
): void {
  const cfg = at;
  for (let p = 0; p < cfg.processes; p++) {
    let m = g.custody[p];
    m?.clear();
    for (let i = 0; i < cfg.taskPool; i++) {
      const n = b[off + at.custody + p * cfg.taskPool + i] ?? 0;
      if (n === 0) continue;
      m ??= new Map();
      m.set(BigInt(i + 1), n);
    }
    g.custody[p] = m === undefined || m.size === 0 ? undefined : m;
  }
  g.custody.length = cfg.processes;
  g.outstanding = b[off + at.outstanding] ?? 0;
  g.errorSinceRead = b[off + at.errorSinceRead] ?? 0;
  g.errorFirstStep.fill(-1);
  g.errorSinceReadOf.fill(0);
}

/** The ghost the bytes of `b` at `off` stand for (see {@link reloadControllerGhost}). */
export function decodeControllerGhost(
  at: ControllerGhostBytes,
  b: Uint8Array,
  off: number,
): MutableControllerGhost {
  const g = initialGhost({ processes: at.processes });
  reloadControllerGhost(g, at, b, off);
  return g;
}

/** Adds `n` to the custody byte of (p, t) in `b` at `off`; a count removed below zero stays 0 (addCustody). */
function addCustodyByte(
  at: ControllerGhostBytes,
  b: Uint8Array,
  off: number,
  p: number,
  t: bigint,
  n: number,
): void {
  if (p < 0 || p >= at.processes) throw new Error(`judged engine: custody of process ${p}`);
  const i = off + at.custody + p * at.taskPool + taskIndex(at.taskPool, t);
  b[i] = toByte(Math.max(0, (b[i] ?? 0) + n), 'custody');
}

/**
 * advanceGhost (properties/ghost.ts) on the ghost bytes in `b` at `off`, which hold `ctx.ghost`,
 * for the model's own accesses (one global error register, no design-only step): an ERROR read
 * clears the bits owed, any other step owes the bits it was required to set; an accepted write
 * (its task held once more) adds one instance to the writer's custody, a DEQUEUE that returned a
 * task removes one. It reads the same step facts and required bits advanceGhost does; an access
 * that ended the run moves nothing (judgeAccess.ts ghostAfter).
 */
export function advanceGhostBytes(
  at: ControllerGhostBytes,
  b: Uint8Array,
  off: number,
  ctx: ControllerStepContext,
): void {
  if (endsRun(ctx.obs)) return;
  const { op, obs } = ctx;
  if (ctx.after.errorOf !== undefined)
    throw new Error('judged engine: a per-process error register (the model has one)');
  if (op.type === 'ErrorRead') b[off + at.errorSinceRead] = 0;
  else b[off + at.errorSinceRead] = (b[off + at.errorSinceRead] ?? 0) | stepRequiredErrors(ctx).bits;
  if (op.type === 'DequeueVia' || op.type === 'DesignOnly')
    throw new Error(`judged engine: ${op.type} is no access of the model`);
  const accepted =
    (op.type === 'Enqueue' || op.type === 'IrqRegister' || op.type === 'IpcRegister') &&
    (stepFacts(ctx).held.get(op.task) ?? 0) > 0;
  if (accepted) addCustodyByte(at, b, off, op.p, op.task, 1);
  const returned = op.type === 'Dequeue' && obs.kind === 'value' && obs.value !== 0n;
  if (returned) addCustodyByte(at, b, off, op.p, obs.value, -1);
  // every other access moves no instance
  if (accepted || returned)
    b[off + at.outstanding] = toByte((b[off + at.outstanding] ?? 0) + (accepted ? 1 : -1), 'outstanding');
}
