/**
 * The canonical key of a node of the UIPI model alone under its renamings (uipiRenaming.ts: the
 * CPUs, and senders with the same UITT bindings): the least key over the renamings that sort the
 * CPUs and each class of senders by a signature naming no CPU and no sender, so one key is
 * computed unless signatures tie (then every order of a tie is tried).
 *
 * Why the renamings commute with the model: every CPU runs the same rules (an IPI goes to the
 * UPID's NDST, a switch-in may take any free CPU and sets NDST to it, a timer ticks on any CPU),
 * and a sender is read only through its slots' bindings and its own valid bits and held IPI, so
 * renaming a state and an event gives the renamed successor, and no property names a CPU or a
 * sender in its verdict (test/protocols/uipi/engine/uipiSymmetry.test.ts checks both on every
 * reachable state and event of two configurations). The drain is not symmetric: it takes the
 * first enabled event of a class in index order (IPIs to CPU 0 before CPU 1, sender 0's IPI
 * first) and switches a receiver in on the lowest free CPU, so the leads-to check runs it from
 * every member of an orbit (orbitDrain.ts).
 */

import { sortClass } from '../../../engine/explore/sortClass.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiState } from '../model/state.ts';
import type { UipiNode } from './uipiJudge.ts';
import {
  identityRenaming,
  isIdentityRenaming,
  senderClasses,
  type UipiRenaming,
  uipiRenamings,
} from './uipiRenaming.ts';

/** One step of a 32-bit mix (a signature need not be injective: equal signatures are a tie, tried in every order). */
function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x9e3779b1) >>> 0;
}

/**
 * Per CPU, what it holds and what points at it, naming no CPU and no sender, mixed into a number:
 * its receiver, flags and pending vectors, the receivers on it and those whose NDST it is, the
 * vectors of the IPIs in flight to it (in vector order) and held for it (summed: sender order is
 * no CPU's). Renaming the state moves CPU c's signature to its new index.
 */
export function cpuSignatures(s: UipiState): number[] {
  const sig = s.cpus.map((c) => {
    let h = mix(mix(mix(1, c.cur + 1), (c.processing ? 1 : 0) | (c.other ? 2 : 0)), c.pending.length);
    for (const v of c.pending) h = mix(h, v);
    return h;
  });
  const add = (c: number, what: number): void => {
    const cur = sig[c];
    if (cur !== undefined) sig[c] = mix(cur, what);
  };
  for (let r = 0; r < s.receivers.length; r++) {
    add(s.receivers[r]?.cpu ?? -1, 0x100 + r);
    add(s.upids[r]?.ndst ?? -1, 0x200 + r);
  }
  for (const x of s.inflight) add(x >> 8, 0x300 + (x & 0xff)); // sorted by CPU, then vector
  let held: number[] | undefined;
  for (const sd of s.senders) {
    if (sd.held < 0) continue;
    held ??= s.cpus.map(() => 0);
    const c = sd.held >> 8;
    held[c] = ((held[c] ?? 0) + mix(0x400, sd.held & 0xff)) >>> 0;
  }
  if (held !== undefined) for (let c = 0; c < held.length; c++) add(c, held[c] ?? 0);
  return sig;
}

/** Per sender, its valid bits and the vector of the IPI it holds (never its CPU), mixed into a number. */
export function senderSignatures(s: UipiState): number[] {
  return s.senders.map((sd) => mix(mix(1, sd.valid), sd.held < 0 ? 0 : (sd.held & 0xff) + 1));
}

/** The renamings that sort `s`'s CPUs and each class of senders by signature. */
function sortingRenamings(
  s: UipiState,
  cpus: readonly number[],
  classes: readonly (readonly number[])[],
  id: UipiRenaming,
): UipiRenaming[] {
  const cpuPerms = sortClass([id.cpu.slice()], cpus, cpuSignatures(s));
  let senderPerms: number[][] = [id.sender.slice()];
  if (classes.length > 0) {
    const sig = senderSignatures(s);
    for (const members of classes) senderPerms = sortClass(senderPerms, members, sig);
  }
  const out: UipiRenaming[] = [];
  for (const cpu of cpuPerms) for (const sender of senderPerms) out.push({ cpu, sender });
  return out;
}

/**
 * The canonical key of a node of the model alone on `cfg`: the least key over its sorting
 * renamings, `key(n, g)` being the space's key of `n` renamed by `g` (uipiSpace writes it without
 * building the renamed node; undefined: `n` itself). Every member of an orbit gets the same key
 * (its sorting renamings lead to the same renamed nodes). Refuses a configuration with more
 * renamings than uipiRenamings allows.
 */
export function canonicalUipi(
  cfg: UipiConfig,
  key: (n: UipiNode, g: UipiRenaming | undefined) => string,
): (n: UipiNode) => string {
  uipiRenamings(cfg); // the group's size check
  const id = identityRenaming(cfg);
  const classes = senderClasses(cfg);
  return (n) => {
    let best: string | undefined;
    for (const g of sortingRenamings(n.sys, id.cpu, classes, id)) {
      const k = key(n, isIdentityRenaming(g) ? undefined : g);
      if (best === undefined || k < best) best = k;
    }
    if (best === undefined) throw new Error('UIPI symmetry: no sorting renaming');
    return best;
  };
}
