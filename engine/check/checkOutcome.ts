/**
 * How a storm check of one configuration ended, whatever the protocol: every run passed, or the
 * first failing run with its shrunk counterexample and that counterexample's recorded run. The
 * controller's check and the system checks (stormCheck.ts) return it, and the report of a
 * configuration (report/configReport.ts) reads it.
 */
import type { EndedEarly } from './endedEarly.ts';
import type { FirstFailure } from './seededRuns.ts';

/**
 * The outcome (see above); `E` is the protocol's event, `F` its failing run, `Extra` what a check
 * adds to a failure. A failure's counterexample is the shrunk storm up to the failing step (the
 * whole storm when the drain or quiescence failed), with every event removed that it fails
 * without (the same property failing).
 */
export type CheckOutcome<E, F, Extra = unknown> =
  | { readonly ok: true; readonly runs: number; readonly events: number; readonly endedEarly: EndedEarly }
  | ({
      readonly ok: false;
      /** The failing run of the counterexample, recorded step by step (drain steps included). */
      readonly failure: F;
    } & FirstFailure<readonly E[]> &
      Extra);
