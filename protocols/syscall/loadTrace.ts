/**
 * Syscall-system traces as the descriptor loads them: read with their configuration (or the one
 * asked for), replayed on a controller design or mutant or a syscall mutant, shown as text or a
 * timeline, or sent to an external design as the accesses the syscall runtime makes over the
 * reference device. They are not compared state by state (`--match-states` is the controller's
 * and the wakeup system's cross-check).
 */
import { UsageError } from '../../model/badInput.ts';
import { verdictOf } from '../../replay/replayVerdict.ts';
import type { ItfTrace } from '../../traces/itfTrace.ts';
import { findControllerImpl } from '../controller/designs/registry.ts';
import { type DutTrace, familyImplementations, familyTraceConfig } from '../family/familyTrace.ts';
import type { ConfigChoice, LoadedTrace } from '../protocol.ts';
import { syscallAccesses } from './engine/syscallAccesses.ts';
import { findSyscallMutant, SYSCALL_MUTANTS } from './mutants/syscallMutants.ts';
import { syscallTimeline } from './pictures/syscallTimeline.ts';
import { formatSyscallReplay } from './replay/formatSyscallReplay.ts';
import { replaySyscallTrace } from './replay/replaySyscallTrace.ts';
import { readSyscallTrace } from './trace/readSyscallTrace.ts';

export function loadSyscallTrace(itf: ItfTrace, c: ConfigChoice): LoadedTrace {
  const parsed = readSyscallTrace(itf, familyTraceConfig(c));
  return {
    header: parsed,
    implementations: familyImplementations(SYSCALL_MUTANTS),
    replay: (name) => {
      const impl = findSyscallMutant(name) ?? findControllerImpl(name);
      if (impl === undefined) return undefined;
      const r = replaySyscallTrace(parsed, impl);
      return {
        implementation: r.implementation,
        verdict: verdictOf(r),
        text: () => formatSyscallReplay(r, parsed),
        timeline: (describe) => syscallTimeline(parsed, r, describe),
      };
    },
  };
}

/** A syscall trace on an external design: the accesses the syscall runtime makes for its storm (predicted by the reference only). */
export function syscallDutTrace(itf: ItfTrace): DutTrace {
  const parsed = readSyscallTrace(itf);
  return {
    header: parsed,
    config: parsed.config,
    accesses: (p) => {
      if (p.impl !== undefined) {
        throw new UsageError('--against: a syscall trace replays on a DUT against the reference only');
      }
      return syscallAccesses(p.cfg, parsed.events);
    },
  };
}
