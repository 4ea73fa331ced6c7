/**
 * `npm run formal:full`: the formal flow at full depth, written into docs/formal.md (its
 * `formal-correct` and `formal-bugs` sections). Builds the Verilator harness, then, each through
 * the intcheck command line in this process:
 *
 * - the correct RTL, every property, BMC to 20 cycles and the induction step (`intcheck formal
 *   --depth 20`);
 * - every seeded bug, with the property that catches it, BMC to 24 cycles; its witness replayed
 *   with `replay --dut` on the simulated buggy RTL and on the correct RTL, and on the reference
 *   (whose report must put its reply beside the recorded one at the failing step);
 * - every seeded bug hunted by storms (`conform --dut`, the suite's defaults), for the length of
 *   the shrunk counterexample and the time to it.
 *
 * Each timing is recorded with the load average (`uptime`) at its start: the machine is shared.
 * Takes tens of minutes (the correct RTL's depth-20 queries are the longest). Exits 1 when the
 * correct RTL fails a property, a bug is not found by BMC, or a witness does not replay as it must.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { capturedIo } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';
import type { FormalProperty } from '../../protocols/controller/formal/formalProperties.ts';
import { type SeededBug, seededBugs } from '../../protocols/controller/formal/seededBugs.ts';
import { markers, withMarkedSection } from '../../report/markedSection.ts';
import { buildHarness, HW_DUT, ROOT } from '../hw/hw.ts';
import { bugRow, conformArgs } from '../hw/rtlBugs.ts';

/** BMC depth of the correct RTL (the issue asks for at least 20 cycles at the small preset). */
const DEPTH = 20;
/** BMC depth of a bug's search: its shortest counterexample is at most this long. */
const BUG_DEPTH = 24;

/** The property that catches each seeded bug (the one it breaks first that the checker states). */
const CATCHES: Readonly<Record<string, FormalProperty>> = {
  'full-off-by-one': 'capacityBound',
  'ring-ptr-no-wrap': 'wakePriority',
  'prio-enc-reversed': 'strictPriority',
  'pending-wraps': 'noLostWakeup',
  'waiter-pop-tail': 'fifoWaiters',
  'error-not-cleared': 'errorReporting',
  'edge-lost-on-accept': 'noLostWakeup',
  'free-leak-on-refuse': 'taskConservation',
  'wake-to-kernel': 'wakePriority',
  'send-target-truncated': 'errorReporting',
  'unaligned-ignored': 'errorReporting',
  'edge-take-race': 'noLostWakeup',
  'edge-one-per-cycle': 'noLostWakeup',
};

/** The load averages (1, 5, 15 minutes) as uptime prints them. */
function load(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}

/** Runs `intcheck …args` in this process. */
async function intcheck(args: readonly string[]): Promise<{ code: number; stdout: string; ms: number }> {
  const io = capturedIo();
  const t0 = performance.now();
  const code = await main(['node', 'intcheck', ...args], io);
  return { code, stdout: io.stdoutText(), ms: performance.now() - t0 };
}

interface PropertyJson {
  readonly id: string;
  readonly verdict: string;
  readonly depth: number;
  readonly seconds: number;
  readonly provedParts?: readonly string[];
  readonly trace?: string;
  readonly failingStep?: number;
}

const propertiesOf = (stdout: string): PropertyJson[] =>
  (JSON.parse(stdout) as { properties: PropertyJson[] }).properties;

interface BugResult {
  readonly bug: SeededBug;
  readonly property: FormalProperty;
  readonly row: PropertyJson | undefined;
  readonly bmcLoad: string;
  /** replay --dut exit codes on the buggy and the correct simulation (undefined: not run). */
  readonly buggy?: number;
  readonly correct?: number;
  /**
   * What replay on the reference said beside the recorded reply at the failing step (`they
   * differ`, or `the same reply` when the failure is in the design's state only), undefined when
   * it printed no such line.
   */
  readonly beside: string | undefined;
  readonly stormLength: number;
  readonly stormMs: number;
  readonly stormExit: number;
  readonly stormLoad: string;
}

async function bugResult(bug: SeededBug, out: string): Promise<BugResult> {
  const property = CATCHES[bug.name];
  if (property === undefined) throw new Error(`scripts/formal/formalFull.ts: no property for ${bug.name}`);
  const bmcLoad = load();
  const bmc = await intcheck([
    'formal',
    '--bug',
    bug.name,
    '--property',
    property,
    '--depth',
    String(BUG_DEPTH),
    '--induction-depth',
    '0',
    '--jobs',
    '1',
    '--json',
    '--out',
    join(out, bug.name),
  ]);
  const row = propertiesOf(bmc.stdout)[0];
  let replays: Pick<BugResult, 'buggy' | 'correct'> = {};
  let beside: string | undefined;
  if (row?.trace !== undefined) {
    const buggy = await intcheck(['replay', row.trace, '--dut', `${HW_DUT} --bug ${bug.name}`]);
    const correct = await intcheck(['replay', row.trace, '--dut', HW_DUT]);
    replays = { buggy: buggy.code, correct: correct.code };
    const reference = await intcheck(['replay', row.trace, '--impl', 'reference']);
    const line = /recorded failing step: "reference" replies .*: (they differ|the same reply)$/m.exec(
      reference.stdout,
    );
    beside = reference.code === 0 ? line?.[1] : undefined;
  }
  const stormLoad = load();
  const storm = await intcheck(conformArgs(bug.name, join(out, `${bug.name}-storm`)));
  const s = bugRow(
    { name: bug.name, formalOnly: bug.formalOnly, description: bug.description },
    storm.code,
    storm.stdout,
    storm.ms,
  );
  return {
    bug,
    property,
    row,
    bmcLoad,
    ...replays,
    beside,
    stormLength: s.length,
    stormMs: s.ms,
    stormExit: storm.code,
    stormLoad,
  };
}

function correctTable(rows: readonly PropertyJson[], loadAt: string, wall: number): string {
  const verdict = (r: PropertyJson) =>
    r.verdict === 'proved'
      ? `proved (${r.depth}-induction), holds to ${DEPTH}`
      : r.verdict === 'holds'
        ? `holds to depth ${r.depth}${r.provedParts === undefined ? '' : `; proved on its own: ${r.provedParts.map((p) => `\`${p}\``).join(', ')}`}`
        : `**fails at depth ${r.depth}**`;
  return [
    `\`intcheck formal --depth ${DEPTH}\` (small preset, two properties at a time, induction length 2): ${(wall / 1000).toFixed(0)} s wall; load average at the start ${loadAt}.`,
    '',
    '| property | verdict | seconds (BMC + induction) |',
    '| --- | --- | ---: |',
    ...rows.map((r) => `| \`${r.id}\` | ${verdict(r)} | ${r.seconds.toFixed(1)} |`),
  ].join('\n');
}

function bugTable(results: readonly BugResult[]): string {
  const replay = (r: BugResult) => {
    if (r.buggy === undefined || r.correct === undefined) return '—';
    const correct = r.correct === 0 ? 'passes' : `**fails** (exit ${r.correct})`;
    if (r.bug.formalOnly) {
      const buggy = r.buggy === 1 ? 'reproduces' : 'passes';
      return `exempt (formal-only): ${buggy} on the buggy RTL, which the protocol cannot drive as the witness does; ${correct}`;
    }
    const buggy = r.buggy === 1 ? 'reproduces' : `**does not reproduce** (exit ${r.buggy})`;
    return `${buggy}; ${correct}`;
  };
  const storm = (r: BugResult) =>
    r.stormExit === 1
      ? `${r.stormLength} | ${Math.round(r.stormMs)} ms`
      : `not reachable (exit ${r.stormExit}) | ${Math.round(r.stormMs)} ms`;
  return [
    '| bug | property | BMC depth (cycles) | BMC time | load at BMC | failing step of the witness trace | replay --dut: buggy RTL; correct RTL | replay on the reference, at the failing step | storm length | storm time | load at storm |',
    '| --- | --- | ---: | ---: | --- | --- | --- | --- | ---: | ---: | --- |',
    ...results.map((r) => {
      const found = r.row?.verdict === 'fails';
      const depth = found
        ? String(r.row?.depth)
        : `**not found** (${r.row?.verdict ?? 'no row'} to ${r.row?.depth ?? 0})`;
      const seconds = r.row === undefined ? '—' : `${r.row.seconds.toFixed(1)} s`;
      const steps = r.row?.failingStep === undefined ? '—' : `step ${r.row.failingStep}`;
      return `| \`${r.bug.name}\`${r.bug.formalOnly ? ' (formal-only)' : ''} | \`${r.property}\` | ${depth} | ${seconds} | ${r.bmcLoad} | ${steps} | ${replay(r)} | ${r.beside === undefined ? '**no reply shown**' : `its reply beside the recorded one: ${r.beside}`} | ${storm(r)} | ${r.stormLoad} |`;
    }),
  ].join('\n');
}

/** Whether a bug's results are what the page claims: found, and (unless formal-only) replayed as it must. */
function asExpected(r: BugResult): boolean {
  if (r.row?.verdict !== 'fails' || r.beside === undefined || r.correct !== 0) return false;
  return r.bug.formalOnly || (r.buggy === 1 && r.beside === 'they differ');
}

buildHarness();
const out = mkdtempSync(join(tmpdir(), 'intcheck-formal-full-'));
try {
  const correctLoad = load();
  console.log(`correct RTL, depth ${DEPTH} (load ${correctLoad})`);
  const correct = await intcheck([
    'formal',
    '--depth',
    String(DEPTH),
    '--jobs',
    '2',
    '--json',
    '--out',
    join(out, 'correct'),
  ]);
  const rows = propertiesOf(correct.stdout);
  for (const r of rows) console.log(`  ${r.id}: ${r.verdict} ${r.depth} (${r.seconds} s)`);
  const results: BugResult[] = [];
  for (const bug of seededBugs()) {
    const r = await bugResult(bug, out);
    results.push(r);
    console.log(
      `${bug.name}: ${r.property} ${r.row?.verdict ?? '?'} at ${r.row?.depth ?? '?'} (${r.row?.seconds ?? '?'} s, load ${r.bmcLoad}); replay buggy ${r.buggy ?? '-'} correct ${r.correct ?? '-'}; storm ${r.stormLength} in ${Math.round(r.stormMs)} ms`,
    );
  }
  const file = join(ROOT, 'docs', 'formal.md');
  let page = readFileSync(file, 'utf8');
  for (const [name, body] of [
    ['formal-correct', correctTable(rows, correctLoad, correct.ms)],
    ['formal-bugs', bugTable(results)],
  ] as const) {
    const next = withMarkedSection(page, name, body);
    if (next === undefined) throw new Error(`docs/formal.md has no ${markers(name)}`);
    page = next;
  }
  writeFileSync(`${file}.tmp`, page);
  renameSync(`${file}.tmp`, file);
  const bad = [
    ...rows.filter((r) => r.verdict === 'fails').map((r) => `the correct RTL fails ${r.id}`),
    ...results
      .filter((r) => !asExpected(r))
      .map((r) => `${r.bug.name} is not found and replayed as it must be`),
  ];
  console.log(`docs/formal.md written${bad.length > 0 ? `; ${bad.join('; ')}` : ''}`);
  process.exitCode = bad.length > 0 ? 1 : 0;
} finally {
  rmSync(out, { recursive: true, force: true });
}
