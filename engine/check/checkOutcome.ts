/**
 * How a storm check of one configuration ended, whatever the protocol: every run passed, or the
 * first failing run with its shrunk counterexample and that counterexample's recorded run. The
 * controller's check and the system checks (stormCheck.ts) return it, and the report of a
 * configuration (report/configReport.ts) reads it.
 */
import type { EndedEarly } from './endedEarly.ts';

/** The outcome (see above); `E` is the protocol's event, `F` its failing run, `Extra` what a check adds to a failure. */
export type CheckOutcome<E, F, Extra = unknown> =
  | { readonly ok: true; readonly runs: number; readonly events: number; readonly endedEarly: EndedEarly }
  | ({
      readonly ok: false;
      /** Runs until the first failure, the failing one included (shrinking not counted). */
      readonly runs: number;
      readonly events: number;
      /** Runs before the failing one in which the design stopped (a stall, an abort, an undefined outcome). */
      readonly endedEarly: EndedEarly;
      /** 0-based index of the failing run in the whole check. */
      readonly index: number;
      readonly shrinks: number;
      readonly seed: number;
      /** fast-check's replay path of its shrunk storm (the counterexample is that storm, minimized further). */
      readonly path: string;
      /**
       * The shrunk storm, up to the failing step (the whole storm when the drain or quiescence
       * failed), with every event removed that it fails without (the same property failing).
       */
      readonly counterexample: readonly E[];
      /** The failing run of the counterexample, recorded step by step (drain steps included). */
      readonly failure: F;
    } & Extra);
