/**
 * The packed engine for the command line and the tests (its WebAssembly build, packedWasmExplore.ts,
 * whose answers the tests check against the JavaScript engine's), reporting like the explorer
 * (exploreProtocol.ts): on a violation the BFS-shortest path is re-run through the wakeup runner
 * (`runWakeup`) with the packed engine's properties selected, so the verdict, the message and the
 * recorded steps are exactly those `check` and `replay` produce and the trace written from them
 * replays. A path that does not fail there means the packed successors or invariants and the
 * model disagree: an internal error, never a silent pass.
 */

import { packedStats } from '../../engine/explore/packed/judgedReport.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import type { Config } from '../controller/model/config/config.ts';
import type { PackedOptions } from '../wakeup/engine/packed/packedExplore.ts';
import { PACKED_PROPERTY_IDS } from '../wakeup/engine/packed/packedInvariants.ts';
import { runWakeup } from '../wakeup/engine/runWakeup.ts';
import { explorePackedWasm } from '../wakeup/engine/wasm/packedWasmExplore.ts';
import type { ExploreReport } from './exploreProtocol.ts';

/**
 * Explores the wakeup model on `cfg` with the packed engine (see above). `runner` is what the path
 * is re-run on: the model (undefined) on the command line; tests may name an implementation.
 */
export function explorePackedProtocol(
  cfg: Config,
  opts: PackedOptions = {},
  runner: ControllerImpl | undefined = undefined,
): ExploreReport {
  const out = explorePackedWasm(cfg, opts);
  const stats = packedStats(out);
  if (out.kind !== 'violation') return { kind: out.kind, ...stats };
  const events = out.path;
  const run = runWakeup(cfg, runner, events, { properties: [...PACKED_PROPERTY_IDS], drain: false });
  if (run.ok)
    throw new Error(
      `packed engine: the path to ${out.property} (${out.message}) does not fail in runWakeup: the packed successors and the model disagree`,
    );
  return {
    kind: 'violation',
    where: 'step',
    violations: [{ property: out.property, step: events.length - 1, message: out.message }],
    path: events,
    ...stats,
    violation: run.violation,
    reproduction: { protocol: 'wakeup', events, run },
  };
}
