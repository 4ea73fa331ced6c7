/**
 * Throughput of the DUT bridge (spec/dut-protocol.md): requests per second through `conform`
 * with the Python example design (examples/dut_reference.py), pipelined (`--window 32`) and in
 * lockstep (`--window 1`), and the share of the wall time the suite itself spends on the CPU
 * (generating storms, running the reference beside the DUT, encoding and parsing lines); the
 * rest is waiting for the DUT. A do-nothing DUT measures the transport alone. Target:
 * {@link TARGET_REQUESTS_PER_SECOND} requests/s with the example, pipelined.
 * Run alone with `npx tsx bench/dutBridge.ts`.
 */

import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { conformConfig } from '../engine/dut/conformConfig.ts';
import { referencePredictor } from '../engine/dut/predictor.ts';
import { DutProcess } from '../engine/dut/process/dutProcess.ts';
import { DutSession } from '../engine/dut/process/dutSession.ts';
import type { DutAccess } from '../engine/dut/process/requestLine.ts';
import { PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import { printTable } from './table.ts';

export const TARGET_REQUESTS_PER_SECOND = 20_000;

const EXAMPLE = `python3 ${fileURLToPath(new URL('../examples/dut_reference.py', import.meta.url))}`;
/** A DUT that answers every request at once and does nothing else. */
const DO_NOTHING = `python3 -c "import sys
for l in sys.stdin:
    sys.stdout.write('{\\"ok\\":true,\\"data\\":\\"0x0\\"}\\n'); sys.stdout.flush()"`;

export interface BridgeRow {
  readonly subject: string;
  readonly preset: string;
  readonly window: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Suite CPU time over wall time, in percent. */
  readonly suiteShare: number;
}

/** `f` timed: wall seconds and this process's CPU seconds. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

/** conform with the example design on `preset`: `runs` runs after a warm-up. */
function benchExample(preset: PresetName, window: number, runs: number): Promise<BridgeRow> {
  return benchDut('example design', EXAMPLE, preset, window, runs);
}

/** conform with the DUT `command` (called `subject`) on `preset`: `runs` runs after a warm-up of 30. */
export async function benchDut(
  subject: string,
  command: string,
  preset: PresetName,
  window: number,
  runs: number,
): Promise<BridgeRow> {
  const started = await DutSession.start({
    command,
    window,
    startTimeoutMs: 30_000,
    maxRestarts: 0,
  });
  if (!started.ok) throw new Error(started.line);
  const session = started.session;
  const opts = { predictor: referencePredictor(PRESETS[preset]), seed: 7, maxEvents: 80, timeoutMs: 10_000 };
  await conformConfig(session, { ...opts, runs: 30 });
  const { value, wall, cpu } = await timed(() => conformConfig(session, { ...opts, runs }));
  await session.close(2000);
  if (value.kind !== 'pass')
    throw new Error(`bench: ${subject} did not conform at ${preset} (${value.kind})`);
  const requests = value.requests;
  return {
    subject,
    preset,
    window,
    requests,
    seconds: wall,
    requestsPerSecond: requests / wall,
    suiteShare: (100 * cpu) / wall,
  };
}

/** The transport alone: `n` reads through a do-nothing DUT. */
async function benchTransport(window: number, n: number): Promise<BridgeRow> {
  const dut = new DutProcess(DO_NOTHING, window);
  const reads: DutAccess[] = Array.from({ length: n }, (_, i) => ({ type: 'Read', addr: BigInt(i * 8) }));
  await dut.exchange(reads.slice(0, 100), 30_000, () => 'next');
  const { wall, cpu } = await timed(() => dut.exchange(reads, 10_000, () => 'next'));
  await dut.kill();
  return {
    subject: 'do-nothing DUT',
    preset: '—',
    window,
    requests: n,
    seconds: wall,
    requestsPerSecond: n / wall,
    suiteShare: (100 * cpu) / wall,
  };
}

export async function benchDutBridge(): Promise<BridgeRow[]> {
  return [
    await benchTransport(1, 20_000),
    await benchTransport(32, 100_000),
    await benchExample('small', 1, 300),
    await benchExample('small', 32, 1000),
    await benchExample('published', 1, 100),
    await benchExample('published', 32, 300),
  ];
}

export function printDutBridge(rows: readonly BridgeRow[]): void {
  printTable(
    'DUT bridge: requests/s through conform (Python example design; suite share = suite CPU / wall)',
    ['subject', 'preset', 'window', 'requests', 'seconds', 'requests/s', 'suite share %'],
    rows.map((r) => [
      r.subject,
      r.preset,
      r.window,
      r.requests,
      r.seconds,
      r.requestsPerSecond,
      r.suiteShare,
    ]),
  );
  const best = rows.filter((r) => r.subject === 'example design' && r.window > 1);
  const met = best.every((r) => r.requestsPerSecond >= TARGET_REQUESTS_PER_SECOND);
  console.log(
    `target ≥ ${TARGET_REQUESTS_PER_SECOND.toLocaleString('en')} requests/s with the example, pipelined: ${met ? 'met' : 'not met'}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printDutBridge(await benchDutBridge());
}
