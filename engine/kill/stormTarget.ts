/**
 * A kill target for a protocol that has only a storm arbitrary and a runner (the syscall and UIPI
 * protocols, say): storms from `storm`, each run by `run` against the mutant, fast-check's
 * shrinking on failure, and the shrunk counterexample counted up to its failing step. A protocol
 * with a check of its own (a minimizing pass, a drain) writes its `hunt` with {@link stormHunt}.
 */
import type fc from 'fast-check';
import type { MutantDescription } from '../../protocols/mutantCatalogue.ts';
import type { KillTarget } from './killAdapter.ts';
import { stormHunt } from './stormHunt.ts';

/** One run of a storm: it holds, or these properties failed at this (0-based) step. */
export type StormRun =
  | { readonly ok: true }
  | { readonly ok: false; readonly violated: readonly string[]; readonly step: number };

export interface StormTargetOptions<T> {
  readonly protocol: string;
  /** The mutant (or the reference, with no expected properties). */
  readonly mutant: MutantDescription;
  /** Storms of the protocol on its small preset; `maxEvents` is the budget's, when it sets one. */
  readonly storm: (maxEvents: number | undefined) => fc.Arbitrary<T>;
  /** Runs one storm against the mutant, every property but refinement evaluated. */
  readonly run: (storm: T) => StormRun;
}

/** The target of `o.mutant`, hunted with `o.storm` and `o.run`. */
export function stormTarget<T>(o: StormTargetOptions<T>): KillTarget {
  return {
    protocol: o.protocol,
    name: o.mutant.name,
    expected: o.mutant.expectedViolations,
    hunt: (b) =>
      stormHunt(
        {
          arbitrary: o.storm(b.maxEvents),
          holds: (storm) => o.run(storm).ok,
          seed: b.seed,
          range: { from: 0, to: b.runs },
          ...(b.onRun ? { onRun: b.onRun } : {}),
        },
        (outcome) => {
          if (outcome.verdict === 'pass') return null;
          if (outcome.verdict === 'crash') throw outcome.error;
          const r = o.run(outcome.counterexample);
          if (r.ok) throw new Error(`${o.mutant.name}: the shrunk counterexample passes when run again`);
          return { violated: r.violated, length: r.step + 1 };
        },
        b.now,
      ),
  };
}
