/**
 * The wakeup protocol (spec/controller.md §4.1, §6 "Wakeup" and "System"): the software runtime's
 * executors on harts over a controller design, device interrupts waking registered tasks, and the
 * §6 drain after every storm; the controller-step properties judge every access the system makes.
 */

import { withShortest } from '../../engine/kill/killAdapter.ts';
import { UsageError } from '../../model/badInput.ts';
import { findingsOn } from '../../model/finding.ts';
import { CONTROLLER_DESIGNS, findControllerImpl } from '../controller/designs/registry.ts';
import { SMALL } from '../controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../controller/mutants/controllerMutants.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../controller/properties/index.ts';
import {
  type FamilyMember,
  familyCheckConfigs,
  familyExploreConfig,
  familyExplorePresets,
} from '../family/controllerFamily.ts';
import { familyFindingTarget } from '../family/familyFindingTarget.ts';
import type { DutReplayable } from '../family/familyTrace.ts';
import { killShortest } from '../family/killShortest.ts';
import { checkWakeupConfig } from './checkConfig.ts';
import { wakeupWorkerRuns } from './engine/checkWakeupParallel.ts';
import { wakeupCoverage } from './engine/wakeupCoverage.ts';
import { WAKEUP_KILL } from './engine/wakeupKill.ts';
import { precompilePackedWasm } from './engine/wasm/packedWasmModule.ts';
import { loadWakeupTrace, wakeupDutTrace } from './loadTrace.ts';
import { wakeupMachine } from './model/machine.ts';
import { findWakeupMutant, WAKEUP_MUTANTS } from './mutants/wakeupMutants.ts';
import { WAKEUP_PROPERTIES } from './properties/index.ts';
import { defaultWakeupPropertyIds } from './properties/selection.ts';

const find = (name: string) => findWakeupMutant(name) ?? findControllerImpl(name);
const member: FamilyMember = { protocol: 'wakeup', find, check: checkWakeupConfig };

export const wakeup: DutReplayable = {
  name: 'wakeup',
  summary: 'the wakeup system: the software runtime over a controller design, interrupts waking tasks',
  spec: 'controller.md §4.1, §6',
  designs: CONTROLLER_DESIGNS,
  mutants: WAKEUP_MUTANTS,
  foreignMutants: CONTROLLER_MUTANTS,
  properties: [...CONTROLLER_STEP_PROPERTIES, ...WAKEUP_PROPERTIES],
  defaultProperties: (impl) => defaultWakeupPropertyIds(find(impl)),
  profileProperties: () => {
    throw new UsageError('--profile: storm profiles are for --protocol controller');
  },
  kill: withShortest(WAKEUP_KILL, killShortest('wakeup', WAKEUP_KILL.properties)),
  findings: findingsOn('wakeup', CONTROLLER_DESIGNS),
  findingTarget: (f) => familyFindingTarget('wakeup', find, f),
  checkConfigs: (c) => familyCheckConfigs(member, c),
  exploreConfig: (c) => familyExploreConfig(member, c),
  explorePresets: familyExplorePresets('wakeup'),
  prepareExplore: precompilePackedWasm,
  coverage: wakeupCoverage,
  workerRuns: wakeupWorkerRuns,
  traceVars: ['harts'],
  loadTrace: loadWakeupTrace,
  loadDutTrace: wakeupDutTrace,
  machine: () => wakeupMachine(SMALL).root,
};
