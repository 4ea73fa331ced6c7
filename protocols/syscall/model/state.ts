/**
 * The syscall system's state (spec/controller.md §4.2), compact and immutable: the controller
 * model's state, one shared request ring per process, and one record per agent (layout.ts).
 * Ghost data (request instances, execution counts) is kept by the checker, never here.
 *
 * Finiteness (a decision, so that the `small` preset's reachable state space is finite for an
 * exhaustive explorer): the ring's free-running `head`/`tail` are kept modulo 2R (enough to tell
 * a full ring from an empty one: occupancy is `(tail − head) mod 2R` ∈ 0..R); a request id is
 * the lowest of 1..callers(p) no outstanding call of p uses, and its argument is the id itself,
 * so every field ranges over a bounded set.
 */
import type { ControllerState } from '../../controller/model/state.ts';

/** A slot's life cycle: FREE → FILLING → SUBMITTED → TAKEN → DONE → FREE. */
export type SlotState = 'FREE' | 'FILLING' | 'SUBMITTED' | 'TAKEN' | 'DONE';

export interface Slot {
  readonly state: SlotState;
  /** Request id (0 while FREE and never used). */
  readonly req: number;
  /** The agent that made the request, -1 while never used. */
  readonly requester: number;
  /** The process that serves it (0: a system call). */
  readonly target: number;
  readonly arg: number;
  readonly result: number;
}

/** One process's request ring: indices modulo 2R and R slots (slot of index i is `slots[i mod R]`). */
export interface Ring {
  readonly head: number;
  readonly tail: number;
  readonly slots: readonly Slot[];
}

/**
 * Where an agent is:
 * - caller: `idle` (no call) → `filling` (slot allocated, FILLING) → `submitted` (published, send
 *   owed) → `awaiting` (sent, parked in software) → `woken` (its reply dispatcher enqueued it) →
 *   `reading` (dequeued: it reads the result and frees the slot) → `idle`;
 * - dispatcher (service or reply): `waiting` (registered, or woken in a ready queue: a hardware
 *   wake is invisible to software) → `running` (dequeued) → `returning` (stopped running, owes its
 *   IPC_REGISTER, rule 3) → `waiting`.
 */
export type AgentPhase =
  | 'idle'
  | 'filling'
  | 'submitted'
  | 'awaiting'
  | 'woken'
  | 'reading'
  | 'waiting'
  | 'running'
  | 'returning';

export interface AgentState {
  readonly phase: AgentPhase;
  /** Caller: its slot index in its own ring; service: the slot held, `ring * R + index`; else -1. */
  readonly slot: number;
  /** Caller: its request id while a call is outstanding; service: 1 once it completed the slot it holds (its reply is owed); else 0. */
  readonly req: number;
}

export interface SyscallState {
  readonly ctrl: ControllerState;
  /** `rings[p]`: process p's request ring (the kernel's stays empty). */
  readonly rings: readonly Ring[];
  /** `agents[a]`: agent a's record (layout.ts). */
  readonly agents: readonly AgentState[];
}

export const FREE_SLOT: Slot = Object.freeze({
  state: 'FREE',
  req: 0,
  requester: -1,
  target: 0,
  arg: 0,
  result: 0,
});
export const IDLE_CALLER: AgentState = Object.freeze({ phase: 'idle', slot: -1, req: 0 });
export const WAITING_DISPATCHER: AgentState = Object.freeze({ phase: 'waiting', slot: -1, req: 0 });

/** The result a service computes for a request (executing it; deterministic). */
export function execute(target: number, arg: number): number {
  return arg * 2 + target + 1;
}

/** Slots in use: `(tail − head) mod 2R`. */
export function used(r: Ring, slots: number): number {
  return (((r.tail - r.head) % (2 * slots)) + 2 * slots) % (2 * slots);
}

/** A copy of `a` with element i replaced by v. */
export function replaced<T>(a: readonly T[], i: number, v: T): T[] {
  const c = a.slice();
  c[i] = v;
  return c;
}

/** `i` indexes one of `n` things. */
export function inRange(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}
