/**
 * The replies of the DUT wire format (spec/dut-protocol.md), validated here and nowhere else:
 * a reply of the wrong shape is caught before anything compares its data.
 */
import type { DutRequest } from './requestLine.ts';

/** The protocol name a DUT's `hello` reply must carry. */
export const DUT_PROTOCOL = 'intcheck-dut/1';

/** A validated reply: what a read returned, an acknowledgement, a refusal, or why it is malformed. */
export type DutReply =
  | { readonly kind: 'data'; readonly data: bigint }
  | { readonly kind: 'ack' }
  | { readonly kind: 'hello'; readonly name: string }
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'malformed'; readonly what: 'json' | 'shape'; readonly why: string };

/** A 64-bit value as the protocol writes it: `0x` and 1 to 16 hex digits, either case. */
export const HEX64 = /^0[xX][0-9a-fA-F]{1,16}$/;

type Obj = Readonly<Record<string, unknown>>;

/** At most this many characters of a bad line are quoted in a report. */
const QUOTED = 80;

/** `line` quoted for a one-line report, cut to a readable length. */
export function quoteLine(line: string): string {
  const cut = line.length > QUOTED ? `${line.slice(0, QUOTED)}…` : line;
  return JSON.stringify(cut);
}

const shape = (why: string): DutReply => ({ kind: 'malformed', what: 'shape', why });

/** Validates one reply line against the request it answers. */
export function parseReply(line: string, r: DutRequest): DutReply {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return {
      kind: 'malformed',
      what: 'json',
      why: `reply is not one line of valid JSON: ${quoteLine(line)}`,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return shape(`reply is not a JSON object: ${quoteLine(line)}`);
  }
  const o = json as Obj;
  if (o.ok === false) {
    return typeof o.error === 'string'
      ? { kind: 'refused', error: o.error }
      : shape(`reply has "ok": false without an "error" text: ${quoteLine(line)}`);
  }
  if (o.ok !== true) return shape(`reply has no "ok": true or false: ${quoteLine(line)}`);
  if ('op' in r && r.op === 'hello') {
    if (typeof o.name !== 'string') return shape(`hello reply has no "name" text: ${quoteLine(line)}`);
    if (o.protocol !== DUT_PROTOCOL) {
      return shape(`hello reply speaks protocol ${JSON.stringify(o.protocol)}, not "${DUT_PROTOCOL}"`);
    }
    return { kind: 'hello', name: o.name };
  }
  if (!('op' in r) && r.type === 'Read') {
    const d = o.data;
    if (typeof d !== 'string' || !HEX64.test(d)) {
      return shape(`read reply has no "data" as a hex string "0x…" of 1 to 16 digits: ${quoteLine(line)}`);
    }
    return { kind: 'data', data: BigInt(d) };
  }
  return { kind: 'ack' };
}
