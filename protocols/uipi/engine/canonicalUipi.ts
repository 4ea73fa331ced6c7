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
 * every member of an orbit (uipiSpace.ts).
 */

import type { UipiConfig } from '../model/config.ts';
import type { UipiState } from '../model/state.ts';
import type { UipiNode } from './uipiJudge.ts';
import {
  identityRenaming,
  isIdentityRenaming,
  renameUipiNode,
  senderClasses,
  type UipiRenaming,
  uipiRenamings,
} from './uipiRenaming.ts';

/**
 * Per CPU, what it holds and what points at it, naming no CPU and no sender: renaming the state
 * moves CPU c's signature to its new index.
 */
export function cpuSignatures(s: UipiState): string[] {
  const sig = s.cpus.map((c) => `${c.cur}.${c.processing ? 1 : 0}${c.other ? 1 : 0}.${c.pending.join(',')}|`);
  const add = (c: number, what: string): void => {
    const cur = sig[c];
    if (cur !== undefined) sig[c] = cur + what;
  };
  s.receivers.forEach((rc, r) => {
    add(rc.cpu, `r${r}`);
  });
  s.upids.forEach((u, r) => {
    add(u.ndst, `n${r}`);
  });
  for (const x of s.inflight) add(x >> 8, `i${x & 0xff}`); // sorted by CPU, then vector
  const held = s.senders.filter((sd) => sd.held >= 0).map((sd) => sd.held);
  held.sort((a, b) => a - b);
  for (const x of held) add(x >> 8, `h${x & 0xff}`);
  return sig;
}

/** Per sender, its valid bits and the vector of the IPI it holds (never its CPU). */
export function senderSignatures(s: UipiState): string[] {
  return s.senders.map((sd) => `${sd.valid}.${sd.held < 0 ? '-' : sd.held & 0xff}`);
}

/**
 * Every renaming of `members` (within `base`) that gives them, in order, increasing signatures
 * (ties in every order): member k of the sorted order gets index `members[k]`.
 */
function sortings(base: readonly number[], members: readonly number[], sig: readonly string[]): number[][] {
  const order = members.slice().sort((a, b) => {
    const x = sig[a] ?? '';
    const y = sig[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  let out: number[][] = [base.slice()];
  for (let from = 0; from < order.length; ) {
    let to = from + 1;
    while (to < order.length && sig[order[to] ?? 0] === sig[order[from] ?? 0]) to++;
    const run = order.slice(from, to);
    const targets = members.slice(from, to);
    const next: number[][] = [];
    for (const perm of out) {
      for (const arrangement of arrangements(run)) {
        const p = perm.slice();
        arrangement.forEach((m, k) => {
          p[m] = targets[k] ?? m;
        });
        next.push(p);
      }
    }
    out = next;
    from = to;
  }
  return out;
}

/** Every ordering of `xs`. */
function arrangements(xs: readonly number[]): number[][] {
  if (xs.length <= 1) return [xs.slice()];
  const out: number[][] = [];
  xs.forEach((x, i) => {
    for (const rest of arrangements([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

/** The renamings that sort `s`'s CPUs and each class of senders by signature. */
export function sortingRenamings(
  s: UipiState,
  cpus: readonly number[],
  classes: readonly (readonly number[])[],
  id: UipiRenaming,
): UipiRenaming[] {
  const cpuPerms = sortings(id.cpu, cpus, cpuSignatures(s));
  let senderPerms: number[][] = [id.sender.slice()];
  if (classes.length > 0) {
    const sig = senderSignatures(s);
    for (const members of classes) senderPerms = senderPerms.flatMap((b) => sortings(b, members, sig));
  }
  return cpuPerms.flatMap((cpu) => senderPerms.map((sender) => ({ cpu, sender })));
}

/**
 * The canonical key of a node of the model alone on `cfg` (`key`: the space's own key): the least
 * key over its sorting renamings. Every member of an orbit gets the same key (its sorting
 * renamings lead to the same renamed nodes). Refuses a configuration with more renamings than
 * uipiRenamings allows.
 */
export function canonicalUipi(cfg: UipiConfig, key: (n: UipiNode) => string): (n: UipiNode) => string {
  uipiRenamings(cfg); // the group's size check
  const id = identityRenaming(cfg);
  const classes = senderClasses(cfg);
  return (n) => {
    let best: string | undefined;
    for (const g of sortingRenamings(n.sys, id.cpu, classes, id)) {
      const k = key(isIdentityRenaming(g) ? n : renameUipiNode(n, g));
      if (best === undefined || k < best) best = k;
    }
    if (best === undefined) throw new Error('UIPI symmetry: no sorting renaming');
    return best;
  };
}
