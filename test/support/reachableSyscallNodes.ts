/**
 * The reachable nodes of the syscall model alone, for the symmetry tests. The walks are kept per
 * configuration, selection (by its property ids) and cap: several tests and test files walk the
 * same spaces (tens of thousands of nodes each), and with `isolate: false` a worker runs many of
 * them. The nodes are the model's immutable values, and callers only read the list.
 */
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { SyscallNode } from '../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../protocols/syscall/engine/syscallSpace.ts';
import type { SyscallSelection } from '../../protocols/syscall/properties/selection.ts';
import { reachable } from './reachable.ts';

/**
 * The walks by content: configuration, selection and cap. By content, not by object: a test that
 * spreads a configuration with another drain bound (`{ ...TWO_DISPATCHERS, drainBound: 6 }`) walks
 * the same space, since the walk steps and judges step properties only and the drain bound is read
 * by the leads-to check alone; so the bound is left out of the key when no liveness property is
 * selected. About 1 KB a node (40,600 nodes: 40 MB), kept for the worker's life.
 */
const WALKS = new Map<string, readonly SyscallNode[]>();

/** The first reachable nodes of the model on `cfg` judged by `sel` (about `limit`), in BFS order. */
export function reachableSyscallNodes(
  cfg: Config,
  sel: SyscallSelection,
  limit = Number.POSITIVE_INFINITY,
): readonly SyscallNode[] {
  const ids = [sel.controller, sel.step, sel.liveness].map((ps) => ps.map((p) => p.id).join());
  const walked = sel.liveness.length === 0 ? { ...cfg, drainBound: 0 } : cfg;
  const content = Object.entries(walked)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join();
  const key = `${content}|${ids.join('|')}|${limit}`;
  const known = WALKS.get(key);
  if (known !== undefined) return known;
  const nodes: SyscallNode[] = [];
  reachable(syscallSpace(cfg, undefined, sel), limit, (n) => nodes.push(n));
  WALKS.set(key, nodes);
  return nodes;
}
