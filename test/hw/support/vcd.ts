/**
 * A small reader of Value Change Dump files (IEEE 1364 §18), enough for the waveforms Verilator
 * writes: the scope tree and `$var` declarations, then `#time` stamps with scalar (`0!`) and
 * vector (`b1010 !`) changes. Signals are named by their scope path and reference name
 * (`TOP.rsp_rdata_o`); values are bigints (x and z read as 0).
 */
import { readFileSync } from 'node:fs';

/** One signal's changes, in time order. */
interface Trace {
  readonly width: number;
  readonly times: number[];
  readonly values: bigint[];
}

export interface Vcd {
  readonly timescale: string;
  /** Every signal path. */
  readonly signals: readonly string[];
  /** The last time stamp. */
  readonly end: number;
  /** The value of `path` at time `t` (after the changes stamped `t`). */
  valueAt(path: string, t: number): bigint;
  /** The times at which `path` changes to a value. */
  changes(path: string): readonly { readonly time: number; readonly value: bigint }[];
}

function bits(text: string): bigint {
  const clean = text.replace(/[xXzZ]/g, '0');
  return clean === '' ? 0n : BigInt(`0b${clean}`);
}

/** Parses VCD text. Throws on a change to an undeclared identifier. */
export function parseVcd(text: string): Vcd {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const scopes: string[] = [];
  const byId = new Map<string, Trace>();
  const byPath = new Map<string, Trace>();
  let timescale = '';
  let i = 0;
  const untilEnd = (): string[] => {
    const body: string[] = [];
    while (i < tokens.length && tokens[i] !== '$end') body.push(tokens[i++] ?? '');
    i++;
    return body;
  };
  while (i < tokens.length) {
    const t = tokens[i++] ?? '';
    if (t === '$enddefinitions') {
      untilEnd();
      break;
    }
    const body = untilEnd();
    if (t === '$scope') scopes.push(body[1] ?? '');
    else if (t === '$upscope') scopes.pop();
    else if (t === '$timescale') timescale = body.join('');
    else if (t === '$var') {
      const [, size, id, ref] = body;
      if (id === undefined || ref === undefined) throw new Error(`VCD: bad $var ${body.join(' ')}`);
      const trace = byId.get(id) ?? { width: Number(size), times: [], values: [] };
      byId.set(id, trace);
      byPath.set([...scopes, ref].join('.'), trace);
    }
  }
  let now = 0;
  const set = (id: string, value: bigint) => {
    const trace = byId.get(id);
    if (trace === undefined) throw new Error(`VCD: change of undeclared signal ${id} at ${now}`);
    if (trace.times.at(-1) === now) trace.values[trace.values.length - 1] = value;
    else {
      trace.times.push(now);
      trace.values.push(value);
    }
  };
  while (i < tokens.length) {
    const t = tokens[i++] ?? '';
    const c = t[0];
    if (c === '#') now = Number(t.slice(1));
    else if (c === 'b' || c === 'B') set(tokens[i++] ?? '', bits(t.slice(1)));
    else if (c === 'r' || c === 'R') i++;
    else if (c === '0' || c === '1' || c === 'x' || c === 'X' || c === 'z' || c === 'Z')
      set(t.slice(1), c === '1' ? 1n : 0n);
    // $dumpvars, $dumpall, $end …: markers only.
  }
  const get = (path: string): Trace => {
    const trace = byPath.get(path);
    if (trace === undefined) throw new Error(`VCD: no signal ${path}`);
    return trace;
  };
  return {
    timescale,
    signals: [...byPath.keys()],
    end: now,
    valueAt(path, t) {
      const { times, values } = get(path);
      let lo = 0;
      let hi = times.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((times[mid] ?? 0) <= t) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return at < 0 ? 0n : (values[at] ?? 0n);
    },
    changes(path) {
      const { times, values } = get(path);
      return times.map((time, k) => ({ time, value: values[k] ?? 0n }));
    },
  };
}

/** Parses a VCD file. */
export function readVcd(file: string): Vcd {
  return parseVcd(readFileSync(file, 'utf8'));
}

/** The times of the rising edges of a one-bit signal. */
export function risingEdges(vcd: Vcd, path: string): number[] {
  const out: number[] = [];
  let last = 0n;
  for (const { time, value } of vcd.changes(path)) {
    if (value === 1n && last === 0n) out.push(time);
    last = value;
  }
  return out;
}
