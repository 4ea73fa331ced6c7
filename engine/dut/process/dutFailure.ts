/**
 * Why a conversation with a DUT broke down (spec/dut-protocol.md "A DUT is untrusted"): each
 * misbehaviour as data, so the caller can name the step and the request in one line.
 */
import { constants } from 'node:os';

/** The ways a DUT can fail the protocol itself (not the controller's behaviour). */
export type DutFailureKind =
  | 'json' // a reply that is not one line of valid JSON
  | 'shape' // valid JSON of the wrong shape
  | 'refused' // "ok": false to a request other than reset
  | 'timeout' // no reply within the per-request (or start) timeout
  | 'exit' // the process exited (code 0 or not) during the conversation
  | 'crash' // the process was killed by a signal
  | 'closed' // standard output closed while the process lived on
  | 'hugeLine' // a reply line longer than the limit
  | 'extra' // a line when no request was outstanding
  | 'spawn'; // the process could not be started

/** One protocol failure: what happened, at which request of the exchange, in words. */
export interface DutFailure {
  readonly kind: DutFailureKind;
  /** Index of the request it concerns in the exchange that saw it (the oldest unanswered one). */
  readonly index: number;
  /** What happened, in words, without the step (the caller names it). */
  readonly detail: string;
}

/** The exit of a DUT as a failure; a shell reports a child killed by signal n as status 128 + n. */
export function exitFailure(
  code: number | null,
  signal: NodeJS.Signals | null,
): { readonly kind: DutFailureKind; readonly detail: string } {
  if (signal !== null) return { kind: 'crash', detail: `the DUT crashed (killed by ${signal})` };
  if (code !== null && code > 128 && code < 128 + 65) {
    const name =
      Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] ?? `signal ${code - 128}`;
    return { kind: 'crash', detail: `the DUT crashed (exit status ${code}: killed by ${name})` };
  }
  return { kind: 'exit', detail: `the DUT exited with code ${code ?? '?'}` };
}
