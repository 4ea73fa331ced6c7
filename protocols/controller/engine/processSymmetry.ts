/**
 * Process symmetry of the controller model (opt-in `--symmetry`, as TLC's symmetry sets): every
 * rule of spec/controller.md §3–§5 treats each page alike, and the exploration alphabet offers
 * every page the same operations, except the few it offers on page 0 only (an IPC send, whose
 * sender is not recorded, §8 decision 7; the global ERROR read; the wrong accesses), whose effect
 * names no process. So renaming the processes by a permutation commutes with every step: the
 * renamed state's step by the renamed event (the page-0-only events kept as they are) is the
 * renamed successor, with the same verdicts (test/engine/explore/symmetry.test.ts checks this on
 * every reachable state and event of the tiny preset). The reset state need not be symmetric
 * (process 0 starts online): by that commutation, the orbit of every state reachable from it is
 * reached from the orbit's first-found member, so the explorer keeps one state per orbit, keyed by
 * the least key over every renaming, finds every reachable orbit, and finds a violation as soon as
 * the full search does (violations are closed under renaming). Only the model alone: a device's
 * hidden state has no renaming.
 */
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { permutations } from '../../../engine/explore/permutations.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { ControllerState } from '../model/state.ts';
import type { MutableControllerGhost } from '../properties/ghost.ts';
import type { ControllerNode } from './controllerJudge.ts';
import { controllerKey } from './controllerKey.ts';

/** `s` with process p renamed `perm[p]` (page tables moved, waiters' processes renamed). */
export function renameProcesses(cfg: Config, s: ControllerState, perm: readonly number[]): ControllerState {
  const P = cfg.priorities;
  const T = cfg.ipcTypes;
  const to = (p: number): number => perm[p] ?? p;
  const ready = new Array<readonly bigint[]>(s.ready.length);
  s.ready.forEach((q, i) => {
    ready[to(Math.floor(i / P)) * P + (i % P)] = q;
  });
  const ipcWait = new Array<readonly bigint[]>(s.ipcWait.length);
  const ipcPending = new Array<number>(s.ipcPending.length);
  s.ipcWait.forEach((q, i) => {
    const j = to(Math.floor(i / T)) * T + (i % T);
    ipcWait[j] = q;
    ipcPending[j] = s.ipcPending[i] ?? 0;
  });
  const online = new Array<boolean>(s.online.length);
  s.online.forEach((b, p) => {
    online[to(p)] = b;
  });
  const renamed: ControllerState = {
    ready,
    irqWait: s.irqWait.map((q) => q.map((w) => ({ p: to(w.p), task: w.task }))),
    irqPending: s.irqPending,
    ipcWait,
    ipcPending,
    online,
    error: s.error,
  };
  if (s.errorOf === undefined) return renamed;
  const errorOf = new Array<number>(s.errorOf.length);
  s.errorOf.forEach((bits, p) => {
    errorOf[to(p)] = bits;
  });
  return { ...renamed, errorOf };
}

/** The ghost `g` with its processes renamed by `perm`. */
export function renameGhost(g: MutableControllerGhost, perm: readonly number[]): MutableControllerGhost {
  const custody = new Array<Map<bigint, number> | undefined>(g.custody.length);
  g.custody.forEach((m, p) => {
    custody[perm[p] ?? p] = m;
  });
  const errorSinceReadOf = new Array<number>(g.errorSinceReadOf.length);
  g.errorSinceReadOf.forEach((bits, p) => {
    errorSinceReadOf[perm[p] ?? p] = bits;
  });
  return { ...g, custody, errorSinceReadOf };
}

/**
 * The event `e` with its processes renamed by `perm`; an event of page 0 only (an IPC send, the
 * ERROR read, a wrong access) keeps its page, and an IPC send its target renamed.
 */
export function renameEvent(cfg: Config, e: ControllerEvent, perm: readonly number[]): ControllerEvent {
  const to = (p: number): number => perm[p] ?? p;
  switch (e.type) {
    case 'Dequeue':
    case 'StatusRead':
      return { ...e, p: to(e.p) };
    case 'StatusWrite':
      return { ...e, p: to(e.p) };
    case 'Enqueue':
      return e.task === 0n || e.prio >= cfg.priorities ? e : { ...e, p: to(e.p) }; // a wrong access stays on page 0
    case 'IrqRegister':
    case 'IpcRegister':
      return { ...e, p: to(e.p) };
    case 'IpcSend':
      return { ...e, target: to(e.target) };
    default:
      return e;
  }
}

/** The canonical key of a node of the controller model (see above): the least key over every renaming. */
export function canonicalControllerKey(cfg: Config, kb: KeyBuilder): (n: ControllerNode) => string {
  const perms = permutations(cfg.processes);
  return (n) => {
    let best: string | undefined;
    for (const perm of perms) {
      kb.reset();
      controllerKey(kb, renameProcesses(cfg, n.abs, perm));
      controllerGhostKey(kb, renameGhost(n.ghost, perm));
      kb.int(n.ended ? 1 : 0);
      const k = kb.done();
      if (best === undefined || k < best) best = k;
    }
    return best ?? '';
  };
}
