/**
 * The requests of the DUT wire format (spec/dut-protocol.md): one JSON object per line,
 * 64-bit values written lowercase without leading zeros.
 */
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import { configToJson } from '../../../protocols/controller/model/config/loadConfig.ts';
import type { AccessEvent, Irq } from '../../../protocols/controller/model/events.ts';

/** What the suite sends to a DUT: one register-level access or interrupt of a run. */
export type DutAccess = AccessEvent | Irq;

/** Every request of the protocol, as data. */
export type DutRequest =
  | { readonly op: 'hello' }
  | { readonly op: 'reset'; readonly cfg: Config }
  | { readonly op: 'bye' }
  | DutAccess;

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** The request line (without its newline) for `r`; built by hand: it is on the hot path. */
export function requestLine(r: DutRequest): string {
  if ('op' in r) {
    switch (r.op) {
      case 'hello':
      case 'bye':
        return `{"op":"${r.op}"}`;
      case 'reset':
        return JSON.stringify({ op: 'reset', config: configToJson(r.cfg) });
    }
  }
  switch (r.type) {
    case 'Read':
      return `{"op":"read","addr":"${hex(r.addr)}"}`;
    case 'Write':
      return `{"op":"write","addr":"${hex(r.addr)}","data":"${hex(r.data)}"}`;
    case 'Irq':
      return `{"op":"irq","line":${r.line}}`;
  }
}
