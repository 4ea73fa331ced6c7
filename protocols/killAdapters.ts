/**
 * Every protocol of the kill matrix, one adapter each, read off the protocol descriptors
 * (protocols/index.ts): plugging a protocol into the matrix is its descriptor's `kill`.
 */

import type { KillAdapter } from '../engine/kill/killAdapter.ts';
import { PROTOCOLS } from './index.ts';

/** The adapters, in protocol order. */
export const KILL_ADAPTERS: readonly KillAdapter[] = PROTOCOLS.map((p) => p.kill);

/** The protocols `intcheck mutants --protocol` accepts. */
export function killProtocols(): string[] {
  return KILL_ADAPTERS.map((a) => a.protocol);
}

/** The adapter of `protocol`, or undefined. */
export function findKillAdapter(protocol: string): KillAdapter | undefined {
  return KILL_ADAPTERS.find((k) => k.protocol === protocol);
}
