/** The reachable nodes of the syscall model alone, for the symmetry tests. */
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { SyscallNode } from '../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../protocols/syscall/engine/syscallSpace.ts';
import type { SyscallSelection } from '../../protocols/syscall/properties/selection.ts';
import { reachable } from './reachable.ts';

/** The first reachable nodes of the model on `cfg` judged by `sel` (about `limit`), in BFS order. */
export function reachableSyscallNodes(
  cfg: Config,
  sel: SyscallSelection,
  limit = Number.POSITIVE_INFINITY,
): SyscallNode[] {
  const nodes: SyscallNode[] = [];
  reachable(syscallSpace(cfg, undefined, sel), limit, (n) => nodes.push(n));
  return nodes;
}
