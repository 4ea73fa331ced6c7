/**
 * The renamings of a UIPI configuration that the model cannot tell apart (the symmetry group of
 * `--symmetry`, as TLC's symmetry sets): any permutation of the CPUs, and any permutation of the
 * senders within a class of senders whose UITTs are bound slot by slot to the same (receiver,
 * vector) fds (state.ts `uittBinding`). Receivers and vectors are never renamed: vectors are
 * ordered by priority (a delivery takes the highest UIRR bit), and a receiver is named by the
 * bindings that target it, so the owed masks, credits and undo-CLUI flags (indexed by receiver
 * and vector) stay as they are and the covering measure (uipiGhostMeasure.ts) is unchanged by
 * every renaming here.
 *
 * A renaming moves each CPU's record to its new index and renames every CPU a state names (a
 * receiver's CPU, a UPID's NDST, a held or in-flight IPI's destination), and moves each sender's
 * record; events are renamed alike. Why this commutes with every step and keeps every verdict,
 * and where it does not (the drain), is said in canonicalUipi.ts and checked by
 * test/protocols/uipi/engine/uipiSymmetry.test.ts.
 */

import { permutations } from '../../../engine/explore/permutations.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { type Cpu, ipi, type Sender, type UipiState, type Upid, uittBinding } from '../model/state.ts';
import type { UipiNode } from './uipiJudge.ts';

/** `cpu[c]` is CPU c's new index, `sender[s]` sender s's. */
export interface UipiRenaming {
  readonly cpu: readonly number[];
  readonly sender: readonly number[];
}

/** The most renamings a configuration may have (the leads-to check drains from every member of an orbit). */
export const MAX_UIPI_RENAMINGS = 720;

/** The classes of interchangeable senders (two or more each): equal bindings slot by slot. */
export function senderClasses(cfg: UipiConfig): (readonly number[])[] {
  const byRow = new Map<string, number[]>();
  for (let s = 0; s < cfg.senders; s++) {
    let row = '';
    for (let i = 0; i < cfg.uittSize; i++) {
      const b = uittBinding(cfg, s, i);
      row += `${b.target}.${b.uv};`;
    }
    const members = byRow.get(row);
    if (members === undefined) byRow.set(row, [s]);
    else members.push(s);
  }
  return [...byRow.values()].filter((m) => m.length > 1);
}

/** The identity renaming of `cfg`. */
export function identityRenaming(cfg: UipiConfig): UipiRenaming {
  return {
    cpu: Array.from({ length: cfg.cpus }, (_, c) => c),
    sender: Array.from({ length: cfg.senders }, (_, s) => s),
  };
}

/** Every permutation of `members` within `base` (`base[m]` for m in members permuted among them). */
function permutedWithin(base: readonly number[], members: readonly number[]): number[][] {
  return permutations(members.length).map((order) => {
    const perm = base.slice();
    members.forEach((m, i) => {
      perm[m] = members[order[i] ?? i] ?? m;
    });
    return perm;
  });
}

/** How many renamings `cfg` has: cpus! times the factorial of each sender class's size. */
export function uipiRenamingCount(cfg: UipiConfig): number {
  let count = 1;
  for (let c = 2; c <= cfg.cpus; c++) count *= c;
  for (const m of senderClasses(cfg)) for (let c = 2; c <= m.length; c++) count *= c;
  return count;
}

/** Every renaming of `cfg` (the identity first): all CPU permutations times those of each sender class. */
export function uipiRenamings(cfg: UipiConfig): UipiRenaming[] {
  const id = identityRenaming(cfg);
  const count = uipiRenamingCount(cfg);
  if (count > MAX_UIPI_RENAMINGS)
    throw new Error(`UIPI symmetry: ${count} renamings, more than ${MAX_UIPI_RENAMINGS}`);
  let senders: number[][] = [id.sender.slice()];
  for (const members of senderClasses(cfg)) senders = senders.flatMap((b) => permutedWithin(b, members));
  const cpus = permutedWithin(id.cpu, id.cpu);
  return cpus.flatMap((cpu) => senders.map((sender) => ({ cpu, sender })));
}

/** Whether `g` renames nothing. */
export function isIdentityRenaming(g: UipiRenaming): boolean {
  return g.cpu.every((to, c) => to === c) && g.sender.every((to, s) => to === s);
}

/** CPU c renamed (-1, no CPU, stays). */
function cpuOf(g: UipiRenaming, c: number): number {
  return c < 0 ? c : (g.cpu[c] ?? c);
}

/** An IPI cpu·256 + vector with its CPU renamed (-1, none, stays). */
function ipiOf(g: UipiRenaming, x: number): number {
  return x < 0 ? x : ipi(cpuOf(g, x >> 8), x & 0xff);
}

/** `a` with element i moved to `to[i]`. */
function moved<T>(a: readonly T[], to: readonly number[]): T[] {
  const out = a.slice();
  a.forEach((x, i) => {
    out[to[i] ?? i] = x;
  });
  return out;
}

/** `s` renamed by `g`. */
function renameUipiState(s: UipiState, g: UipiRenaming): UipiState {
  const upids = s.upids.map((u): Upid => ({ ...u, ndst: cpuOf(g, u.ndst) }));
  const receivers = s.receivers.map((rc) => (rc.cpu < 0 ? rc : { ...rc, cpu: cpuOf(g, rc.cpu) }));
  const senders = moved(
    s.senders.map((sd): Sender => (sd.held < 0 ? sd : { ...sd, held: ipiOf(g, sd.held) })),
    g.sender,
  );
  const cpus: Cpu[] = moved(s.cpus, g.cpu);
  const inflight = s.inflight.map((x) => ipiOf(g, x)).sort((a, b) => a - b);
  return { upids, receivers, senders, cpus, inflight };
}

/** `e` renamed by `g` (receiver steps name no CPU or sender and stay). */
export function renameUipiEvent(e: UipiEvent, g: UipiRenaming): UipiEvent {
  switch (e.type) {
    case 'Send':
    case 'Register':
    case 'Revoke':
    case 'SendIpi':
      return { ...e, sender: g.sender[e.sender] ?? e.sender };
    case 'IpiArrive':
    case 'Accept':
    case 'NotifyDrain':
    case 'TimerTick':
    case 'RunOther':
    case 'SwitchInRestore':
      return { ...e, cpu: cpuOf(g, e.cpu) };
    case 'Deliver':
    case 'HandlerBody':
    case 'Uiret':
    case 'Stui':
    case 'Clui':
    case 'SwitchOutSn':
    case 'SwitchOutSave':
    case 'SwitchInClearSn':
    case 'SwitchInCheckPir':
    case 'WaitSwitchNv':
    case 'WaitRecheck':
    case 'WaitSleep':
    case 'WakeRestoreNv':
    case 'KernelEntry':
    case 'KernelExit':
    case 'WaitEnlist':
      return e;
  }
}

/**
 * A node of the model alone renamed by `g`: its state (and the model beside it, when kept); the
 * ghost (owed, credits, undo flags) is per receiver and vector, which no renaming moves.
 */
export function renameUipiNode(n: UipiNode, g: UipiRenaming): UipiNode {
  if (n.m !== undefined) throw new Error('UIPI symmetry: a machine has no renaming (the model alone only)');
  return {
    ...n,
    sys: renameUipiState(n.sys, g),
    shadow: n.shadow === undefined ? undefined : renameUipiState(n.shadow, g),
  };
}
