/**
 * The reachable nodes of the syscall model alone, for the symmetry tests. The walks are kept per
 * configuration, selection (by its property ids) and cap: several test files walk the same
 * spaces (tens of thousands of nodes each), and with `isolate: false` a worker runs many of them.
 * The nodes are the model's immutable values, and callers only read the list.
 */
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { SyscallNode } from '../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../protocols/syscall/engine/syscallSpace.ts';
import type { SyscallSelection } from '../../protocols/syscall/properties/selection.ts';
import { reachable } from './reachable.ts';

const WALKS = new WeakMap<Config, Map<string, readonly SyscallNode[]>>();

/** The first reachable nodes of the model on `cfg` judged by `sel` (about `limit`), in BFS order. */
export function reachableSyscallNodes(
  cfg: Config,
  sel: SyscallSelection,
  limit = Number.POSITIVE_INFINITY,
): readonly SyscallNode[] {
  const ids = [sel.controller, sel.step, sel.liveness].map((ps) => ps.map((p) => p.id).join());
  const key = `${ids.join('|')}|${limit}`;
  const walks = WALKS.get(cfg) ?? new Map<string, readonly SyscallNode[]>();
  WALKS.set(cfg, walks);
  const known = walks.get(key);
  if (known !== undefined) return known;
  const nodes: SyscallNode[] = [];
  reachable(syscallSpace(cfg, undefined, sel), limit, (n) => nodes.push(n));
  walks.set(key, nodes);
  return nodes;
}
