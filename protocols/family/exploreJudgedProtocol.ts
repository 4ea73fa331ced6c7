/**
 * The judged engines (the wakeup model alone, judgedExplore.ts, run in WebAssembly where it can:
 * wasm/judgedWasmExplore.ts; the controller model alone, controllerJudgedExplore.ts, run in
 * WebAssembly where it can: controller/engine/wasm/controllerJudgedWasm.ts) for the command line
 * and the tests, reporting like the explorer
 * (exploreProtocol.ts) through engine/explore/packed/judgedReport.ts: on a violation the
 * BFS-shortest path is re-run through the protocol's runner (`runWakeup`, with the drain for a
 * leads-to violation; `runController`), which must fail there too.
 */

import { judgedReport } from '../../engine/explore/packed/judgedReport.ts';
import type { ControllerJudgedOptions } from '../controller/engine/packed/controllerJudgedExplore.ts';
import { runController } from '../controller/engine/runController.ts';
import { exploreControllerJudgedWasm } from '../controller/engine/wasm/controllerJudgedWasm.ts';
import type { Config } from '../controller/model/config/config.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../controller/properties/selection.ts';
import type { JudgedOptions } from '../wakeup/engine/packed/judgedExplore.ts';
import { runWakeup } from '../wakeup/engine/runWakeup.ts';
import { exploreJudgedWasm } from '../wakeup/engine/wasm/judgedWasmExplore.ts';
import { defaultWakeupPropertyIds, selectWakeupProperties } from '../wakeup/properties/selection.ts';
import type { ExploreReport } from './exploreProtocol.ts';

/** The protocols a judged engine explores (the model alone). */
export type JudgedProtocol = 'wakeup' | 'controller';

/** The property ids the judged engine of `protocol` judges: the explorer's default for the model alone. */
export function judgedPropertyIds(protocol: JudgedProtocol): string[] {
  return protocol === 'wakeup'
    ? defaultWakeupPropertyIds(undefined)
    : defaultControllerPropertyIds(undefined);
}

/** Explores the wakeup model on `cfg` with the judged engine, every default property judged (see above). */
export function exploreJudgedProtocol(cfg: Config, opts: JudgedOptions = {}): ExploreReport {
  const ids = judgedPropertyIds('wakeup');
  // in WebAssembly where it can (a search that passes), else the JavaScript engine's answer whole
  const out = exploreJudgedWasm(cfg, selectWakeupProperties(ids, undefined), opts);
  const where = out.kind === 'violation' ? out.where : 'step';
  return judgedReport(out, where, 'runWakeup', () => {
    const events = out.kind === 'violation' ? out.path : [];
    const run = runWakeup(cfg, undefined, events, { properties: ids, drain: where === 'liveness' });
    return { protocol: 'wakeup', events, run };
  });
}

/** Explores the controller model on `cfg` with its judged engine, every default property judged (see above). */
export function exploreControllerJudgedProtocol(
  cfg: Config,
  opts: ControllerJudgedOptions = {},
): ExploreReport {
  const ids = judgedPropertyIds('controller');
  // in WebAssembly where it can (a search that passes), else the JavaScript engine's answer whole
  const out = exploreControllerJudgedWasm(cfg, selectControllerProperties(ids), opts);
  return judgedReport(out, 'step', 'runController', () => {
    const events = out.kind === 'violation' ? out.path : [];
    return {
      protocol: 'controller',
      events,
      run: runController(cfg, undefined, events, { properties: ids }),
    };
  });
}
