/**
 * Throughput of the controller model: `step` against XState's pure `transition()` on the
 * controller statechart, over the same pre-generated, seeded event stream, at each preset.
 * Targets: `step` at least 50× faster than `transition()`, and at least 2 million steps/s on the
 * small preset. Run alone with `npx tsx bench/controllerStep.ts`.
 */
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { initialTransition, transition } from 'xstate';
import { type Config, PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import { encodeOperation } from '../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../protocols/controller/model/events.ts';
import { type ControllerMachine, controllerMachine } from '../protocols/controller/model/machine.ts';
import { type ControllerState, initialState } from '../protocols/controller/model/state.ts';
import { step } from '../protocols/controller/model/step.ts';
import { printTable } from './table.ts';

/** Which level the stream's accesses are at: operation events, or every access as a Read/Write. */
export type StreamLevel = 'operations' | 'registers';

/** One measurement: both rates over the same stream, and how many times faster `step` is. */
export interface ControllerStepRow {
  readonly preset: PresetName;
  readonly level: StreamLevel;
  readonly events: number;
  readonly stepPerSecond: number;
  readonly transitionPerSecond: number;
  readonly ratio: number;
}

/** Events per stream; `step` runs it {@link STEP_PASSES} times per round, `transition()` once. */
const STREAM_LENGTH = 20_000;
const STEP_PASSES = 20;
const ROUNDS = 5;
const STREAM_SEED = 0x5eed_c0de;
/** The targets the project must meet. */
export const TARGET_RATIO = 50;
export const TARGET_SMALL_STEPS_PER_SECOND = 2_000_000;

/** A tiny seeded generator (xorshift32): the stream is the same on every run. */
function xorshift32(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** How a stream draws one operation-level event, with its weight (percent); `p` is the drawn page. */
type Draw = readonly [
  weight: number,
  make: (cfg: Config, p: number, int: (n: number) => number) => ControllerEvent,
];

/**
 * A storm-like mix: mostly enqueues and dequeues, then registrations, interrupts and sends,
 * ERROR/STATUS accesses, and 2% wrong accesses (task 0, priority ≥ P, send target ≥ N).
 */
const MIX: readonly Draw[] = [
  [30, (c, p, int) => ({ type: 'Enqueue', p, prio: int(c.priorities), task: BigInt(1 + int(c.taskPool)) })],
  [25, (_c, p) => ({ type: 'Dequeue', p })],
  [8, (c, p, int) => ({ type: 'IrqRegister', p, device: int(c.devices), task: BigInt(1 + int(c.taskPool)) })],
  [8, (c, _p, int) => ({ type: 'Irq', line: int(c.devices) })],
  [
    7,
    (c, p, int) => ({ type: 'IpcRegister', p, ipcType: int(c.ipcTypes), task: BigInt(1 + int(c.taskPool)) }),
  ],
  [7, (c, p, int) => ({ type: 'IpcSend', p, ipcType: int(c.ipcTypes), target: int(c.processes) })],
  [5, (_c, p) => ({ type: 'ErrorRead', p })],
  [4, (_c, p) => ({ type: 'StatusRead', p })],
  [4, (_c, p, int) => ({ type: 'StatusWrite', p, data: BigInt(int(2)) })],
  [1, (c, p, int) => ({ type: 'Enqueue', p, prio: int(2) === 0 ? c.priorities : 0, task: 0n })],
  [1, (c, p, int) => ({ type: 'IpcSend', p, ipcType: int(c.ipcTypes), target: c.processes })],
];

/** The draw whose cumulative weight range holds `r` (0 ≤ r < total weight). */
function pick(r: number): Draw[1] {
  let left = r;
  for (const [weight, make] of MIX) {
    if (left < weight) return make;
    left -= weight;
  }
  throw new Error(`no draw at ${r}`);
}

/** The seeded stream of `length` events at `level` (operation events, or each encoded as its access). */
export function controllerStream(cfg: Config, length: number, level: StreamLevel, seed = STREAM_SEED) {
  const int = xorshift32(seed);
  const total = MIX.reduce((n, [w]) => n + w, 0);
  const out: ControllerEvent[] = [];
  for (let i = 0; i < length; i++) {
    const p = int(cfg.processes);
    const e = pick(int(total))(cfg, p, int);
    out.push(level === 'registers' ? encodeOperation(cfg, e) : e);
  }
  return out;
}

/** One pass of `step` over the stream from reset; returns the final state (keeps the work alive). */
function stepPass(cfg: Config, events: readonly ControllerEvent[]): ControllerState {
  let s = initialState(cfg);
  for (const e of events) s = step(cfg, s, e).state;
  return s;
}

/** One pass of XState's `transition()` over the stream from the initial snapshot; returns the final state. */
function transitionPass(machine: ControllerMachine, events: readonly ControllerEvent[]): ControllerState {
  let [snap] = initialTransition(machine);
  for (const e of events) [snap] = transition(machine, snap, e);
  return snap.context.state;
}

/** Events per second of `pass` (median over {@link ROUNDS} rounds of `passes` passes each). */
function rate(pass: () => unknown, events: number, passes: number): number {
  pass(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < passes; i++) pass();
    rates.push((events * passes) / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(ROUNDS / 2)] ?? 0;
}

/** `step` and `transition()` events per second on the same streams, at every preset and both levels. */
export function benchControllerStep(length = STREAM_LENGTH): ControllerStepRow[] {
  const rows: ControllerStepRow[] = [];
  for (const preset of Object.keys(PRESETS) as PresetName[]) {
    const cfg = PRESETS[preset];
    for (const level of ['operations', 'registers'] as const) {
      const events = controllerStream(cfg, length, level);
      const machine = controllerMachine(cfg);
      if (!isDeepStrictEqual(stepPass(cfg, events), transitionPass(machine, events))) {
        throw new Error(`step and transition() disagree on the ${preset}/${level} stream`);
      }
      const stepPerSecond = rate(() => stepPass(cfg, events), length, STEP_PASSES);
      const transitionPerSecond = rate(() => transitionPass(machine, events), length, 1);
      rows.push({
        preset,
        level,
        events: length,
        stepPerSecond,
        transitionPerSecond,
        ratio: stepPerSecond / transitionPerSecond,
      });
    }
  }
  return rows;
}

/** Prints the rows as a table, then whether each target is met. */
export function printControllerStep(rows: readonly ControllerStepRow[]): void {
  printTable(
    'controller model: step vs XState transition() (median events/s)',
    ['preset', 'stream', 'events', 'step/s', 'transition()/s', 'ratio'],
    rows.map((r) => [
      r.preset,
      r.level,
      r.events,
      Math.round(r.stepPerSecond),
      Math.round(r.transitionPerSecond),
      Math.round(r.ratio),
    ]),
  );
  const verdict = (target: string, failing: readonly ControllerStepRow[]) =>
    console.log(
      `target ${target}: ${failing.length === 0 ? 'met' : `NOT MET by ${failing.map((r) => `${r.preset}/${r.level}`).join(', ')}`}`,
    );
  verdict(
    `step ≥ ${TARGET_RATIO}× transition()`,
    rows.filter((r) => r.ratio < TARGET_RATIO),
  );
  verdict(
    `≥ ${TARGET_SMALL_STEPS_PER_SECOND.toLocaleString('en-US')} steps/s on small`,
    rows.filter((r) => r.preset === 'small' && r.stepPerSecond < TARGET_SMALL_STEPS_PER_SECOND),
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) printControllerStep(benchControllerStep());
