/**
 * Who exists in the syscall system of a configuration (spec/controller.md §4.2): per process its
 * service dispatchers (IPC type 0; the kernel's are the system-call dispatchers), its reply
 * dispatcher (IPC type 1) and its user coroutines making calls. Every such coroutine is an
 * *agent* with a fixed index and task id (index + 1), so that the state is flat arrays.
 *
 * Decisions (the spec leaves the numbers open):
 * - the kernel (process 0) makes no calls: it has `min(dispatchers, B, C)` system-call
 *   dispatchers and neither callers nor a reply dispatcher;
 * - a user process p ≥ 1 has `min(R, C − 1)` callers (enough to fill its ring of R slots, with
 *   room for its reply dispatcher), one reply dispatcher, and `min(dispatchers, B, C − 1 −
 *   callers)` service dispatchers for process-to-process IPC (none in the `small` preset, whose
 *   capacity C = 3 is taken by the reply dispatcher and two callers; one per process in
 *   `published`). So the runtime never causes QUEUE_FULL or WAIT_FULL: every agent of p is counted
 *   in occupancy(p) at most once;
 * - type 0 is the service (syscall) type, type 1 the reply type; types ≥ 2 are unused (T ≥ 2 is
 *   required).
 */
import type { Config } from '../../controller/model/config/config.ts';

/** The IPC type of requests (system calls and process-to-process IPC). */
export const SERVICE_TYPE = 0;
/** The IPC type of replies. */
export const REPLY_TYPE = 1;

export type AgentKind = 'service' | 'reply' | 'caller';

/** One coroutine of the system: its role, process, index within its role, and task id. */
export interface AgentInfo {
  readonly kind: AgentKind;
  readonly p: number;
  readonly k: number;
  readonly task: bigint;
}

export interface Layout {
  readonly agents: readonly AgentInfo[];
  /** Per process: the agent indices of its service dispatchers. */
  readonly services: readonly (readonly number[])[];
  /** Per process: the agent index of its reply dispatcher, or -1. */
  readonly reply: readonly number[];
  /** Per process: the agent indices of its callers. */
  readonly callers: readonly (readonly number[])[];
  /** Processes with at least one service dispatcher (the targets a call may name). */
  readonly targets: readonly number[];
}

/** Callers of process p. */
export function callersOf(cfg: Config, p: number): number {
  return p === 0 ? 0 : Math.max(0, Math.min(cfg.ringSlots, cfg.capacity - 1));
}

/** Service dispatchers of process p. */
export function servicesOf(cfg: Config, p: number): number {
  const room = p === 0 ? cfg.capacity : cfg.capacity - 1 - callersOf(cfg, p);
  return Math.max(0, Math.min(cfg.dispatchers, cfg.waitDepth, room));
}

/** Why `cfg` cannot run the syscall system, or null when it can. */
export function syscallConfigError(cfg: Config): string | null {
  if (cfg.ipcTypes < 2)
    return `the syscall protocol needs ipcTypes ≥ 2 (service and reply), got ${cfg.ipcTypes}`;
  return null;
}

const LAYOUTS = new WeakMap<Config, Layout>();

/** The layout of `cfg` (built once per configuration object). */
export function layoutOf(cfg: Config): Layout {
  const hit = LAYOUTS.get(cfg);
  if (hit !== undefined) return hit;
  const agents: AgentInfo[] = [];
  const services: number[][] = [];
  const reply: number[] = [];
  const callers: number[][] = [];
  const add = (kind: AgentKind, p: number, k: number): number => {
    agents.push({ kind, p, k, task: BigInt(agents.length + 1) });
    return agents.length - 1;
  };
  for (let p = 0; p < cfg.processes; p++) {
    services.push(Array.from({ length: servicesOf(cfg, p) }, (_, k) => add('service', p, k)));
    reply.push(p === 0 ? -1 : add('reply', p, 0));
    callers.push(Array.from({ length: callersOf(cfg, p) }, (_, k) => add('caller', p, k)));
  }
  const targets = services.flatMap((s, p) => (s.length > 0 ? [p] : []));
  const l: Layout = { agents, services, reply, callers, targets };
  LAYOUTS.set(cfg, l);
  return l;
}

/** The agent whose task id is `t`, or -1. */
export function agentOfTask(cfg: Config, t: bigint): number {
  const n = layoutOf(cfg).agents.length;
  return t >= 1n && t <= BigInt(n) ? Number(t) - 1 : -1;
}

/** `agent a` in words: `p1.caller0 (task 0x4)`. */
export function agentName(cfg: Config, a: number): string {
  const info = layoutOf(cfg).agents[a];
  return info === undefined ? `agent ${a}` : `p${info.p}.${info.kind}${info.k}`;
}
