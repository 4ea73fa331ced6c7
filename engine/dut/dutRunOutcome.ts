/**
 * What one DUT run showed (the scoreboard's verdict or the protocol failure that cut it short),
 * and how a reply that cannot count as an answer becomes a protocol failure.
 */
import type { DutFailure } from './process/dutFailure.ts';
import type { DutReply } from './process/parseReply.ts';
import type { Mismatch, Scoreboard } from './scoreboard.ts';

/** What one run showed. `board` holds the model's prediction of every step scored. */
export type DutRunOutcome =
  | { readonly kind: 'pass'; readonly board: Scoreboard }
  | { readonly kind: 'mismatch'; readonly mismatch: Mismatch; readonly board: Scoreboard }
  /** The DUT answered `reset` with "ok": false: it does not support this configuration. */
  | { readonly kind: 'refused'; readonly error: string }
  /** A protocol failure at `step` (-1: at the reset), with the request it concerns. */
  | {
      readonly kind: 'failure';
      readonly failure: DutFailure;
      readonly step: number;
      readonly request: string;
      readonly board: Scoreboard;
    };

/** A reply that is not usable as an answer, as a protocol failure at request `index`; undefined for an answer. */
export function replyFailure(reply: DutReply, index: number): DutFailure | undefined {
  switch (reply.kind) {
    case 'malformed':
      return { kind: reply.what, index, detail: reply.why };
    case 'refused':
      return {
        kind: 'refused',
        index,
        detail: `the DUT answered "ok": false: ${JSON.stringify(reply.error)}`,
      };
    case 'data':
    case 'ack':
    case 'hello':
      return undefined;
  }
}
