/**
 * Reading a trace file of any protocol: checked as ITF (traces/itfTrace.ts), its protocol found,
 * and read by that protocol's descriptor (Protocol.loadTrace). The protocol is `#meta.protocol`;
 * a trace from another tool (`quint run --mbt --out-itf`) names none, and is taken for the last
 * protocol of protocols/index.ts whose variables (Protocol.traceVars) its initial state holds (a
 * protocol built on another holds that one's variables too, and is listed after it). A trace that
 * names no protocol and holds none of a protocol's variables is refused, not taken for an empty
 * controller run. Every problem is a one-line TraceError naming the file.
 */
import { TraceError } from '../model/TraceError.ts';
import { type ItfTrace, parseItf, readItf } from '../traces/itfTrace.ts';
import { findProtocol, PROTOCOLS } from './index.ts';
import type { ConfigChoice, LoadedTrace, Protocol } from './protocol.ts';

/** The protocol `itf` belongs to (see above). */
export function protocolOfTrace(itf: ItfTrace): Protocol {
  if (itf.protocol !== undefined) {
    const named = findProtocol(itf.protocol);
    if (named === undefined)
      throw new TraceError(`${itf.file}: unknown protocol ${JSON.stringify(itf.protocol)}`);
    return named;
  }
  const initial = itf.vars[0];
  const holding = PROTOCOLS.filter((p) => p.traceVars.some((v) => initial?.(v) !== undefined));
  const last = holding[holding.length - 1];
  if (last !== undefined) return last;
  const whose = PROTOCOLS.filter((p) => p.traceVars.length > 0)
    .map((p) => `the ${p.name}'s ${p.traceVars.join(', ')}`)
    .join('; ');
  throw new TraceError(
    `${itf.file}: names no protocol ("#meta.protocol") and its initial state holds none of a protocol's variables (${whose})`,
  );
}

/** Reads the trace file at `path`, with the configuration `c` asks for in place of its own. */
export function readTrace(path: string, c: ConfigChoice = {}): LoadedTrace {
  const itf = readItf(path);
  return protocolOfTrace(itf).loadTrace(itf, c);
}

/** Reads trace text; `file` names it in messages. */
export function parseTrace(text: string, file: string, c: ConfigChoice = {}): LoadedTrace {
  const itf = parseItf(text, file);
  return protocolOfTrace(itf).loadTrace(itf, c);
}
