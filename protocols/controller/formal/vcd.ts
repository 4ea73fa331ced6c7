/**
 * A small reader of the Value Change Dump files yosys-smtbmc writes for a counterexample: `$var`
 * declarations under nested scopes, then `#time` stamps with scalar (`0n1`) and vector
 * (`b1010 n2`) changes. One step of the trace is 10 time units (the clock toggles at 5), so the
 * value of a signal in step i is its value at time 10·i; the last time stamp, 10·n, closes the n
 * steps (smtbmc writes only the clock there). Only the top scope's signals are read.
 */

/** Each top-scope signal's value in each step, as a bigint (x and z read as 0). */
export interface StepValues {
  readonly steps: number;
  /** The value of top-scope signal `name` in step `i` (0 when the waveform does not have it). */
  value(name: string, i: number): bigint;
  /** Whether the waveform has top-scope signal `name`. */
  has(name: string): boolean;
}

function bits(text: string): bigint {
  const clean = text.replace(/[xXzZ]/g, '0');
  return clean === '' ? 0n : BigInt(`0b${clean}`);
}

/** Parses a smtbmc VCD into per-step values of its top scope. */
export function readVcd(text: string): StepValues {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const idOf = new Map<string, string>();
  let i = 0;
  let level = 0;
  while (i < tokens.length) {
    const t = tokens[i++];
    if (t === '$enddefinitions') {
      while (i < tokens.length && tokens[i] !== '$end') i++;
      i++;
      break;
    }
    if (t === '$scope') level++;
    else if (t === '$upscope') level--;
    else if (t === '$var') {
      const id = tokens[i + 2];
      const ref = tokens[i + 3];
      if (level === 1 && id !== undefined && ref !== undefined) idOf.set(ref, id);
    }
    if (t?.startsWith('$')) {
      while (i < tokens.length && tokens[i] !== '$end') i++;
      i++;
    }
  }
  const current = new Map<string, bigint>();
  const snapshots: Map<string, bigint>[] = [];
  let now = -1;
  const snapshotUpTo = (time: number) => {
    // Steps whose time (10·i) is before `time` take the values as they are now.
    while (snapshots.length * 10 < time) snapshots.push(new Map(current));
  };
  while (i < tokens.length) {
    const t = tokens[i++] ?? '';
    const c = t[0];
    if (c === '#') {
      now = Number(t.slice(1));
      snapshotUpTo(now);
    } else if (c === 'b' || c === 'B') current.set(tokens[i++] ?? '', bits(t.slice(1)));
    else if (c === 'r' || c === 'R') i++;
    else if (c !== undefined && '01xzXZ'.includes(c)) current.set(t.slice(1), c === '1' ? 1n : 0n);
  }
  snapshotUpTo(now);
  return {
    steps: snapshots.length,
    has: (name) => idOf.has(name),
    value: (name, step) => {
      const id = idOf.get(name);
      return id === undefined ? 0n : (snapshots[step]?.get(id) ?? 0n);
    },
  };
}
