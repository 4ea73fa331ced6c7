/**
 * Every protocol of the kill matrix, one adapter each. Plugging in a protocol is one line here
 * (and its catalogue's line in impl/mutants/catalogue.ts); wiring the explorer into one is
 * wrapping its adapter in {@link withShortest}.
 */
import { CONTROLLER_KILL } from './controllerKill.ts';
import type { KillAdapter } from './killAdapter.ts';
import { SYSCALL_KILL } from './syscallKill.ts';
import { UIPI_KILL } from './uipiKill.ts';
import { WAKEUP_KILL } from './wakeupKill.ts';

/** The adapters, in catalogue order. */
export const KILL_ADAPTERS: readonly KillAdapter[] = [CONTROLLER_KILL, WAKEUP_KILL, SYSCALL_KILL, UIPI_KILL];

/** The protocols `intcheck mutants --protocol` accepts. */
export function killProtocols(): string[] {
  return KILL_ADAPTERS.map((a) => a.protocol);
}

/** The adapter of `protocol`, or undefined. */
export function findKillAdapter(protocol: string): KillAdapter | undefined {
  return KILL_ADAPTERS.find((k) => k.protocol === protocol);
}
