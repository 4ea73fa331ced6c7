/**
 * Every protocol of the kill matrix, one adapter each. Plugging in a protocol is one line here
 * (and its catalogue's line in impl/mutants/catalogue.ts); wiring the explorer into one is
 * wrapping its adapter in {@link withShortest}.
 */
import { CONTROLLER_KILL } from './controllerKill.ts';
import { type KillAdapter, withShortest } from './killAdapter.ts';
import { killShortest } from './killShortest.ts';
import { SYSCALL_KILL } from './syscallKill.ts';
import { UIPI_KILL } from './uipiKill.ts';
import { uipiShortest } from './uipiShortest.ts';
import { WAKEUP_KILL } from './wakeupKill.ts';

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
