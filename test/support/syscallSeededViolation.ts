/**
 * The check the syscall symmetry tests share: a seeded step property is violated in the full
 * search, and the graph engine's search by orbits finds it at the same BFS-shortest length.
 */
import { expect } from 'vitest';
import { explore } from '../../engine/explore/explore.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { searchSyscallGraph } from '../../protocols/syscall/engine/syscallGraphExplore.ts';
import { syscallSpace } from '../../protocols/syscall/engine/syscallSpace.ts';
import type { SyscallStepProperty } from '../../protocols/syscall/properties/context.ts';
import type { SyscallSelection } from '../../protocols/syscall/properties/selection.ts';

/** Explores `cfg` judged by `sel` and `prop`, with and without symmetry: the same shortest violation. */
export function expectSeededAtShortest(cfg: Config, sel: SyscallSelection, prop: SyscallStepProperty): void {
  const seeded = { ...sel, step: [...sel.step, prop] };
  const full = explore(syscallSpace(cfg, undefined, seeded), { liveness: false });
  const reduced = searchSyscallGraph(cfg, seeded, { symmetry: true });
  expect(full.kind).toBe('violation');
  if (full.kind !== 'violation') return;
  expect(full.violations.map((v) => v.property)).toEqual([prop.id]);
  expect(reduced).toEqual({ kind: 'violation', depth: full.path.length });
}
