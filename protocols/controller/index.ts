/**
 * The controller protocol (spec/controller.md): one MMIO access or one interrupt is one atomic
 * step of the register-level controller; the designs of designs/ are checked against the model
 * (the reference and its mutants by refinement, the published designs on their own abstraction).
 */

import { withShortest } from '../../engine/kill/killAdapter.ts';
import { findingsOn } from '../../model/finding.ts';
import {
  type FamilyMember,
  familyCheckConfigs,
  familyExploreConfig,
  familyExplorePresets,
  profileProperties,
} from '../family/controllerFamily.ts';
import { familyFindingTarget } from '../family/familyFindingTarget.ts';
import type { DutReplayable } from '../family/familyTrace.ts';
import { killShortest } from '../family/killShortest.ts';
import { checkControllerConfig } from './checkConfig.ts';
import { CONTROLLER_DESIGNS, findControllerImpl } from './designs/registry.ts';
import { controllerWorkerRuns } from './engine/checkControllerParallel.ts';
import { controllerCoverage } from './engine/controllerCoverage.ts';
import { CONTROLLER_KILL } from './engine/controllerKill.ts';
import { precompileControllerWasm } from './engine/wasm/controllerJudgedWasm.ts';
import { controllerDutTrace, loadControllerTrace } from './loadTrace.ts';
import { SMALL } from './model/config/config.ts';
import { controllerMachine } from './model/machine.ts';
import { CONTROLLER_MUTANTS } from './mutants/controllerMutants.ts';
import { CONTROLLER_STEP_PROPERTIES } from './properties/index.ts';
import { defaultControllerPropertyIds } from './properties/selection.ts';
import { CONTROLLER_VARS } from './trace/controllerVars.ts';

const member: FamilyMember = {
  protocol: 'controller',
  find: findControllerImpl,
  check: checkControllerConfig,
};

export const controller: DutReplayable = {
  name: 'controller',
  summary: 'the task-aware interrupt controller alone: register accesses and interrupt edges',
  spec: 'controller.md',
  designs: CONTROLLER_DESIGNS,
  mutants: CONTROLLER_MUTANTS,
  foreignMutants: [],
  properties: CONTROLLER_STEP_PROPERTIES,
  defaultProperties: (impl) => defaultControllerPropertyIds(findControllerImpl(impl)),
  profileProperties: (impl, profile) => profileProperties(findControllerImpl(impl), profile),
  kill: withShortest(CONTROLLER_KILL, killShortest('controller', CONTROLLER_KILL.properties)),
  findings: findingsOn('controller', CONTROLLER_DESIGNS),
  findingTarget: (f) => familyFindingTarget('controller', findControllerImpl, f),
  checkConfigs: (c) => familyCheckConfigs(member, c),
  exploreConfig: (c) => familyExploreConfig(member, c),
  explorePresets: familyExplorePresets('controller'),
  prepareExplore: precompileControllerWasm,
  coverage: controllerCoverage,
  workerRuns: controllerWorkerRuns,
  traceVars: CONTROLLER_VARS,
  loadTrace: loadControllerTrace,
  loadDutTrace: controllerDutTrace,
  machine: () => controllerMachine(SMALL).root,
};
