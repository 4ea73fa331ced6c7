/**
 * Synthesis of hw/rtl with Yosys (generic gates, no technology library): the script for one
 * preset, and the numbers of its `stat`. Two ways to treat the three RAMs (task memory, link
 * memory, blocked-queue rings), which Yosys infers as $mem_v2 cells with a synchronous read port:
 * `map` maps them onto flip-flops like all other state (the default `synth`); `macro` keeps
 * them as $mem_v2 cells, as a flow with SRAM macros would, and synthesizes the rest. Either way
 * the script asserts that the three RAMs were inferred as memories, that the netlist has no
 * latch, and that `check -assert` finds no combinational loop, no undriven or multiply driven
 * signal. test/hw/synth.test.ts runs it at the small preset; `npx tsx scripts/hw/synth.ts
 * published macro` gives the numbers docs/hardware.md records.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PRESETS, type PresetName } from '../../protocols/controller/model/config/config.ts';
import { RTL_FILES, requireTool } from './hw.ts';

export type MemoryMode = 'map' | 'macro';

/** The `chparam` of a preset: intc_top's parameters N, P, C, D, T, B, Q (BASE keeps its default). */
function chparam(preset: PresetName): string {
  const c = PRESETS[preset];
  const p = {
    N: c.processes,
    P: c.priorities,
    C: c.capacity,
    D: c.devices,
    T: c.ipcTypes,
    B: c.waitDepth,
    Q: c.pendingMax,
  };
  if (c.base !== 0x1000_0000n) throw new Error('synth: the presets are expected at base 0x10000000');
  return `chparam ${Object.entries(p)
    .map(([k, v]) => `-set ${k} ${v}`)
    .join(' ')} intc_top`;
}

/** The Yosys script; `stat` goes to `statFile`. */
export function synthScript(preset: PresetName, mode: MemoryMode, statFile: string): string {
  const rest =
    mode === 'map'
      ? ['synth -top intc_top -run fine:']
      : [
          // The small tables the sequencer keeps (ring heads and counts …) become flip-flops; the
          // three RAMs stay $mem_v2 cells.
          'memory_map t:$mem_v2 n:mem_q %d',
          'opt -fast -full',
          'techmap',
          'opt -fast',
          'abc -fast',
          'opt -fast',
          'hierarchy -check',
          'check',
        ];
  return [
    `read_verilog -sv ${RTL_FILES.join(' ')}`,
    chparam(preset),
    // Up to the coarse netlist: here the RAMs must be memories ($mem_v2 named mem_q).
    'synth -top intc_top -run begin:fine',
    'select -assert-count 3 t:$mem_v2 n:mem_q %i',
    ...rest,
    'check -assert',
    'select -assert-none t:$dlatch t:$adlatch t:$dlatchsr t:$_DLATCH_* t:$_DLATCHSR_*',
    `tee -q -o ${statFile} stat`,
  ].join('; ');
}

/** The numbers of the design hierarchy's `stat`. */
export interface SynthStats {
  readonly cells: number;
  /** Flip-flop cells (one bit each after techmap). */
  readonly flipFlops: number;
  /** $mem_v2 cells left (only with `macro`). */
  readonly memories: number;
  readonly byType: Readonly<Record<string, number>>;
}

/** Reads the totals of Yosys `stat` (the "design hierarchy" section when there is one). */
export function parseStat(text: string): SynthStats {
  const at = text.lastIndexOf('=== design hierarchy ===');
  const part = at >= 0 ? text.slice(at) : text;
  const cells = Number(/Number of cells:\s+(\d+)/.exec(part)?.[1] ?? Number.NaN);
  const byType: Record<string, number> = {};
  const after = part.slice(part.search(/Number of cells:/));
  for (const m of after.matchAll(/^\s+(\$\S+)\s+(\d+)\s*$/gm)) {
    const [, type, n] = m;
    if (type !== undefined && n !== undefined) byType[type] = (byType[type] ?? 0) + Number(n);
  }
  const sum = (re: RegExp) =>
    Object.entries(byType)
      .filter(([t]) => re.test(t))
      .reduce((a, [, n]) => a + n, 0);
  return { cells, flipFlops: sum(/DFF/), memories: sum(/^\$mem/), byType };
}

/** What one synthesis run did. */
export interface SynthRun {
  readonly ok: boolean;
  readonly seconds: number;
  readonly stats?: SynthStats;
  /** Yosys's output, for a failure. */
  readonly log: string;
}

/** Runs Yosys on the RTL at `preset`. */
export function synthesize(preset: PresetName, mode: MemoryMode): SynthRun {
  requireTool('yosys', '-V');
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-synth-'));
  try {
    const statFile = join(dir, 'stat.txt');
    const t0 = performance.now();
    const r = spawnSync('yosys', ['-q', '-p', synthScript(preset, mode, statFile)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - t0) / 1000;
    const log = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) return { ok: false, seconds, log };
    return { ok: true, seconds, stats: parseStat(readFileSync(statFile, 'utf8')), log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const preset = (process.argv[2] ?? 'small') as PresetName;
  const mode = (process.argv[3] ?? 'map') as MemoryMode;
  if (!(preset in PRESETS) || (mode !== 'map' && mode !== 'macro')) {
    console.error('usage: tsx scripts/hw/synth.ts small|published [map|macro]');
    process.exit(2);
  }
  const run = synthesize(preset, mode);
  if (!run.ok || run.stats === undefined) {
    console.error(run.log.slice(-4000));
    process.exit(1);
  }
  const s = run.stats;
  console.log(
    `${preset} (${mode}): ${s.cells} cells, ${s.flipFlops} flip-flops, ${s.memories} $mem cells, ${run.seconds.toFixed(1)} s`,
  );
  console.log(
    Object.entries(s.byType)
      .map(([t, n]) => `  ${t} ${n}`)
      .join('\n'),
  );
}
