/**
 * Every protocol of the kill matrix, one adapter each. Plugging in a protocol is one line here
 * (and its catalogue's line in protocols/mutantCatalogue.ts); wiring the explorer into one is
 * wrapping its adapter in {@link withShortest}.
 */

import { type KillAdapter, withShortest } from '../engine/kill/killAdapter.ts';
import { killShortest } from '../engine/kill/killShortest.ts';
import { CONTROLLER_KILL } from './controller/engine/controllerKill.ts';
import { SYSCALL_KILL } from './syscall/engine/syscallKill.ts';
import { UIPI_KILL } from './uipi/engine/uipiKill.ts';
import { uipiShortest } from './uipi/engine/uipiShortest.ts';
import { WAKEUP_KILL } from './wakeup/engine/wakeupKill.ts';

/** The adapters, in catalogue order. */
export const KILL_ADAPTERS: readonly KillAdapter[] = [
  withShortest(CONTROLLER_KILL, killShortest('controller', CONTROLLER_KILL.properties)),
  withShortest(WAKEUP_KILL, killShortest('wakeup', WAKEUP_KILL.properties)),
  withShortest(SYSCALL_KILL, killShortest('syscall', SYSCALL_KILL.properties)),
  withShortest(UIPI_KILL, uipiShortest(UIPI_KILL.properties)),
];

/** The protocols `intcheck mutants --protocol` accepts. */
export function killProtocols(): string[] {
  return KILL_ADAPTERS.map((a) => a.protocol);
}

/** The adapter of `protocol`, or undefined. */
export function findKillAdapter(protocol: string): KillAdapter | undefined {
  return KILL_ADAPTERS.find((k) => k.protocol === protocol);
}
