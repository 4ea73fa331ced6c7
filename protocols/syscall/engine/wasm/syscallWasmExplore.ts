/**
 * The packed syscall engine run in WebAssembly: syscallPackedExplore.ts's breadth-first search with
 * the same successors and byte judges (assembly/syscallWasmSuccessors.ts, syscallWasmJudge.ts, the
 * controller's byte step and byte judge), a byte store (wasmStore.ts), and the leads-to check over
 * the explored graph as syscallDrainGraph.ts walks it (assembly/syscallWasmDrain.ts), the liveness
 * property at the quiescent states judged on their bytes (assembly/syscallWasmSearch.ts
 * `callersIdle`, a port of what syscallGraphExplore.ts livenessHolds judges there), the one-byte
 * guards' tables, the drain's tables and the initial node built by the wasm code
 * (assembly/syscallWasmGuards.ts, syscallWasmSearch.ts drainTables, syscallWasmSuccessors.ts
 * syscallInitial), so no JavaScript successor function, model step or
 * property runs before or during a search that passes.
 *
 * Decision (the specification): the step judge (syscallJudge.ts, the properties themselves) stays
 * the specification, the byte forms its ports: the JavaScript successor function is checked
 * against it transition by transition (syscallPacked.test.ts), the wasm one against that
 * (syscallWasm.test.ts), the guard and drain tables and the initial node against the
 * JavaScript ones, and the liveness verdict against livenessHolds on every quiescent state and on
 * corrupted ones (syscallWasmGuards.test.ts, syscallWasmLiveness.test.ts); a selection with a liveness property
 * the wasm code does not judge is refused (syscallWasmInstance.ts), and every violation is answered
 * by the JavaScript engine (below).
 *
 * Decision (what the wasm engine answers itself; engine/explore/wasm/wasmFirst.ts makes it): only a search that passes — a selection whose
 * properties all have byte forms, no `maxStates`, no `everyTransition`, no symmetry, no seeded
 * bug, every transition and every new state judged passing and every drain succeeding — is
 * answered from the wasm search's counts, which are then the JavaScript engine's (the same distinct
 * states, transitions and diameter). Anything else is handed to {@link exploreSyscallPacked} for
 * the whole answer: a violation (a step property, a drain that fails), any other selection or
 * option, a step the controller byte judge does not judge, and a search whose wasm code traps (out
 * of its 4 GB of linear memory), so a violation's path, properties and counts are exactly the
 * JavaScript engine's. The wasm pass still runs under a seeded bug, so the tests can require it to
 * find the bug. Progress is reported from the wasm search at the states the JavaScript engine
 * reports it (the search pauses right after the state that makes a multiple of `progressEvery`,
 * and reports once more when it ends); a search handed over after that is repeated without reports.
 */
import type { ExploreOutcome } from '../../../../engine/explore/explore.ts';
import { progressPauses, SEARCH_PAUSED } from '../../../../engine/explore/wasm/progressPauses.ts';
import { wasmFirst } from '../../../../engine/explore/wasm/wasmFirst.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { SyscallEvent } from '../../model/events.ts';
import { layoutOf } from '../../model/layout.ts';
import type { SyscallSelection } from '../../properties/selection.ts';
import type { SyscallPackedOptions } from '../packed/syscallPackedExplore.ts';
import { exploreSyscallPacked } from '../packed/syscallPackedExplore.ts';
import { syscallUnpackable } from '../packed/syscallPackedLayout.ts';
import { syscallWasmInstance, syscallWasmRefuses } from './syscallWasmInstance.ts';

/**
 * Room for 2^14 states before the store's first grow (the JavaScript store starts at 2^16): its
 * table of 2^15 slots is 256 KB, where 2^16 states' was 1 MB, every page of which a search of
 * `small` (12,184 states) touched, a page fault each; a larger search grows it (a few more doublings).
 */
const ROOM = 1 << 14;

/** What the wasm pass found: it passed, a step or new state failed, a drain failed, or it left a step to JavaScript. */
export interface SyscallWasmPass {
  readonly kind: 'holds' | 'stepFails' | 'drainFails' | 'handed';
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}
const KINDS: readonly SyscallWasmPass['kind'][] = ['holds', 'stepFails', 'drainFails', 'handed'];

/** The wasm search alone on `cfg` (see above), whatever it finds; for {@link exploreSyscallPackedWasm}, the tests and the benchmark. */
export function syscallWasmPass(
  cfg: Config,
  sel: SyscallSelection,
  opts: SyscallPackedOptions = {},
): SyscallWasmPass {
  const mutation = opts.mutation ?? null;
  const { w } = syscallWasmInstance(cfg, sel, mutation, null);
  // syscallPackedSuccessors.ts:183: a slot per (event, varying argument: a send's target, a wake's caller)
  const opW = Math.max(cfg.processes, layoutOf(cfg).agents.length) + 1;
  // the drain's tables and the initial node built by the wasm code (assembly/syscallWasmSearch.ts
  // drainTables, syscallWasmSuccessors.ts syscallInitial)
  w.searchStart(ROOM, cfg.drainBound, mutation === 'drainForgetsFetch' ? 1 : 0, opW);
  // the one-byte guards' tables (syscallPackedSuccessors.ts:214-222), built by the wasm code itself
  w.searchGuards();
  const at = (i: number): number => new Int32Array(w.memory.buffer, w.searchAnswers(), 4)[i] ?? 0;
  const every = opts.progressEvery ?? 50_000;
  const report = (queue: number): void =>
    opts.onProgress?.({ distinct: at(0), transitions: at(1), queue, depth: at(2) });
  w.searchBegin();
  progressPauses(
    (reportAt) => w.searchRun(reportAt),
    SEARCH_PAUSED,
    every,
    opts.onProgress === undefined
      ? undefined
      : () => {
          const count = at(0);
          report(count - at(3) - 1);
          return count;
        },
  );
  const liveness = opts.liveness !== false && sel.liveness.length > 0;
  const kind = KINDS[w.searchFinish(liveness ? 1 : 0)];
  if (kind === undefined) throw new Error('syscall wasm engine: no such search answer');
  // syscallPackedExplore.ts:158: the last report comes before the leads-to check, when no step failed
  if (kind === 'holds' || kind === 'drainFails') report(0);
  return { kind, distinct: at(0), transitions: at(1), diameter: at(2) };
}

/** Explores the syscall model on `cfg` judged by `sel` as {@link exploreSyscallPacked} does, in WebAssembly when it can (see above). */
export function exploreSyscallPackedWasm(
  cfg: Config,
  sel: SyscallSelection,
  opts: SyscallPackedOptions = {},
): ExploreOutcome<SyscallEvent> {
  const own =
    syscallWasmRefuses(sel) === null &&
    syscallUnpackable(cfg) === null &&
    opts.maxStates === undefined &&
    opts.everyTransition !== true &&
    opts.symmetry !== true &&
    opts.mutation !== 'memoIgnoresArgument';
  if (!own) return exploreSyscallPacked(cfg, sel, opts);
  return wasmFirst(
    opts,
    () => syscallWasmPass(cfg, sel, opts),
    (o) => exploreSyscallPacked(cfg, sel, o),
    (counts): ExploreOutcome<SyscallEvent> => ({ kind: 'complete', ...counts, constrained: 0 }),
  );
}
