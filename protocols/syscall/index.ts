/**
 * The syscall protocol (spec/controller.md §4.2, research/uintr-syscall.md §4.2): system calls as
 * IPC to the kernel's dispatchers through shared request rings, replies as IPC back, over a
 * controller design; the controller-step properties judge every access the system makes.
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
import { checkSyscallConfig } from './checkConfig.ts';
import { syscallWorkerRuns } from './engine/checkSyscallParallel.ts';
import { syscallCoverage } from './engine/syscallCoverage.ts';
import { SYSCALL_KILL } from './engine/syscallKill.ts';
import { precompileSyscallWasm } from './engine/wasm/syscallWasmInstance.ts';
import { loadSyscallTrace, syscallDutTrace } from './loadTrace.ts';
import { syscallMachine } from './model/machine.ts';
import { findSyscallMutant, SYSCALL_MUTANTS } from './mutants/syscallMutants.ts';
import { SYSCALL_PROPERTIES } from './properties/index.ts';
import { defaultSyscallPropertyIds } from './properties/selection.ts';

const find = (name: string) => findSyscallMutant(name) ?? findControllerImpl(name);
const member: FamilyMember = { protocol: 'syscall', find, check: checkSyscallConfig };

export const syscall: DutReplayable = {
  name: 'syscall',
  summary: 'system calls as IPC through the controller: request rings, dispatchers, replies',
  spec: 'controller.md §4.2, §6',
  designs: CONTROLLER_DESIGNS,
  mutants: SYSCALL_MUTANTS,
  foreignMutants: CONTROLLER_MUTANTS,
  properties: [...CONTROLLER_STEP_PROPERTIES, ...SYSCALL_PROPERTIES],
  defaultProperties: (impl) => defaultSyscallPropertyIds(find(impl)),
  profileProperties: () => {
    throw new UsageError('--profile: storm profiles are for --protocol controller');
  },
  kill: withShortest(SYSCALL_KILL, killShortest('syscall', SYSCALL_KILL.properties)),
  findings: findingsOn('syscall', CONTROLLER_DESIGNS),
  findingTarget: (f) => familyFindingTarget('syscall', find, f),
  checkConfigs: (c) => familyCheckConfigs(member, c),
  exploreConfig: (c) => familyExploreConfig(member, c),
  explorePresets: familyExplorePresets('syscall'),
  coverage: syscallCoverage,
  workerRuns: syscallWorkerRuns,
  prepareExplore: precompileSyscallWasm,
  traceVars: [],
  loadTrace: loadSyscallTrace,
  loadDutTrace: syscallDutTrace,
  machine: () => syscallMachine(SMALL).root,
};
