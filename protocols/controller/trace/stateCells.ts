/**
 * The controller state as named cells (`ready[0][1]` → `[0x3]`), the unit in which replays show
 * what a step changed and where an implementation departs from the model.
 */
import type { Config } from '../model/config/config.ts';
import { errorBitNames } from '../model/registers.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';

const hex = (v: bigint): string => `0x${v.toString(16)}`;
const ids = (q: readonly bigint[]): string => `[${q.map(hex).join(', ')}]`;

/** Every cell of `s` with its text, in §3 order. */
export function stateCells(cfg: Config, s: ControllerState): Map<string, string> {
  const cells = new Map<string, string>();
  const table = (name: string, width: number, f: (i: number) => string) => {
    for (let p = 0; p < cfg.processes; p++) {
      for (let i = 0; i < width; i++) cells.set(`${name}[${p}][${i}]`, f(p * width + i));
    }
  };
  table('ready', cfg.priorities, (i) => ids(s.ready[i] ?? []));
  s.irqWait.forEach((q, d) => {
    cells.set(`irqWait[${d}]`, `[${q.map((w) => `(p=${w.p}, task=${hex(w.task)})`).join(', ')}]`);
  });
  s.irqPending.forEach((n, d) => {
    cells.set(`irqPending[${d}]`, String(n));
  });
  table('ipcWait', cfg.ipcTypes, (i) => ids(s.ipcWait[i] ?? []));
  table('ipcPending', cfg.ipcTypes, (i) => String(s.ipcPending[i] ?? 0));
  s.online.forEach((b, p) => {
    cells.set(`online[${p}]`, String(b));
  });
  cells.set('error', errorBitNames(s.error));
  return cells;
}

/** The cells whose text differs between `a` and `b`: `[name, textInA, textInB]`. */
export function changedCells(
  cfg: Config,
  a: ControllerState,
  b: ControllerState,
): [string, string, string][] {
  const before = stateCells(cfg, a);
  const out: [string, string, string][] = [];
  for (const [name, after] of stateCells(cfg, b)) {
    const was = before.get(name) ?? '—';
    if (was !== after) out.push([name, was, after]);
  }
  return out;
}

/** An observation as text: a read's value in hex, or `ack` / `stall` / `abort`. */
export function formatObservation(obs: Observation): string {
  return obs.kind === 'value' ? hex(obs.value) : obs.kind;
}
