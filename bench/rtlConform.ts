/**
 * Throughput of `conform` against the RTL (hw/rtl through its Verilator harness, hw/sim) beside
 * the Python example design, with the same machinery as bench/dutBridge.ts: one DUT process,
 * `conformConfig` with the same options, a warm-up, then timed runs; requests per second,
 * pipelined (`--window 32`) and in lockstep (`--window 1`), and the suite's share of the wall
 * time (its CPU time over wall time). Also the one-time build: a cold `make` of the harness into
 * an empty folder (both presets, -j2), and a no-op rebuild. Target:
 * {@link RTL_TARGET_REQUESTS_PER_SECOND} requests/s at the small preset, pipelined.
 * Run with `npx tsx bench/rtlConform.ts` (needs Verilator).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHarness, HW_DUT, ROOT } from '../scripts/hw/hw.ts';
import { type BridgeRow, benchDut } from './dutBridge.ts';
import { printTable } from './table.ts';

export const RTL_TARGET_REQUESTS_PER_SECOND = 40_000;

const PYTHON = `python3 ${fileURLToPath(new URL('../examples/dut_reference.py', import.meta.url))}`;

export async function benchRtlConform(): Promise<BridgeRow[]> {
  buildHarness();
  // A discarded pass first, so that whichever design is measured first does not pay for the
  // suite's own JIT warm-up (the suite's CPU time is most of the wall time here).
  await benchDut('warm-up', HW_DUT, 'small', 32, 2000);
  await benchDut('warm-up', PYTHON, 'published', 32, 500);
  const rows: BridgeRow[] = [];
  for (const [preset, runs] of [
    ['small', 2000],
    ['published', 500],
  ] as const) {
    rows.push(await benchDut('RTL (Verilator)', HW_DUT, preset, 32, runs));
    rows.push(await benchDut('RTL (Verilator)', HW_DUT, preset, 1, Math.round(runs / 4)));
    rows.push(await benchDut('Python example', PYTHON, preset, 32, runs));
  }
  return rows;
}

/** Wall seconds of a cold build of the harness into an empty folder, and of a no-op rebuild. */
export function benchBuild(): { cold: number; noop: number } {
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-hw-build-'));
  const make = () => {
    const t0 = performance.now();
    const r = spawnSync(
      'make',
      ['--no-print-directory', '-C', join(ROOT, 'hw', 'sim'), '-j2', `BUILD=${dir}`],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`make failed:\n${r.stdout}${r.stderr}`);
    return (performance.now() - t0) / 1000;
  };
  try {
    const cold = make();
    return { cold, noop: make() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printRtlConform(rows: readonly BridgeRow[], build: { cold: number; noop: number }): void {
  console.log(`load: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  printTable(
    'conform against the RTL beside the Python example: requests/s (suite share = suite CPU / wall)',
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
  const small = rows.find((r) => r.subject.startsWith('RTL') && r.preset === 'small' && r.window > 1);
  const met = small !== undefined && small.requestsPerSecond >= RTL_TARGET_REQUESTS_PER_SECOND;
  console.log(
    `target ≥ ${RTL_TARGET_REQUESTS_PER_SECOND.toLocaleString('en')} requests/s with the RTL at small, pipelined: ${met ? 'met' : 'not met'}`,
  );
  console.log(
    `build of hw/sim/build/intc-dut (both presets, make -j2): cold ${build.cold.toFixed(1)} s, no-op ${build.noop.toFixed(2)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchRtlConform();
  printRtlConform(rows, benchBuild());
}
