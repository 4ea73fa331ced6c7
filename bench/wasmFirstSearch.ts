/**
 * The packed wakeup engine in WebAssembly (protocols/wakeup/engine/wasm/) beside the JavaScript
 * packed engine and Spin's pan on the wakeup `small` preset (69,532 states), each in fresh
 * processes: what a user's first search costs, the question of issue #21 item 1
 * (docs/exploration.md, "A WebAssembly first tier (spike)").
 *
 * Every round starts one process of each kind, in an order rotated by the round so no kind always
 * runs first: the JS engine (explorePacked from dist/), the wasm engine under V8's default wasm
 * tiering (Liftoff first, hot functions recompiled by TurboFan) and with `--no-wasm-dynamic-tiering`
 * (every function recompiled by TurboFan in the background at once), `--no-liftoff` (TurboFan
 * only, each function before its first call: Node 20's V8 compiles wasm lazily) and that with
 * `--no-wasm-lazy-compilation` (every function by TurboFan in `new WebAssembly.Module`, as gcc
 * compiles pan before it runs); the last once more with the compile started off the main thread
 * (`precompilePackedWasm`) before the other modules are imported, as a command could overlap it
 * with its start ("waited": what was left of it when the search began); a process per flag that
 * only compiles the module
 * (`new WebAssembly.Module`, timed alone: V8 caches a module's code by its bytes, so a compile in
 * the searching process would hide the engine's own), and pan (`./pan` in PAN_DIR, compiled from
 * bench/spin/wakeup.pml; its "elapsed time"). A node process reports its first search (ms, the
 * wasm engine's including its compile and instantiation) and its best of 5 more (warm); every
 * process's user CPU and wall seconds come from /usr/bin/time. Medians over the rounds are
 * printed with the load average before and after.
 * Run it as `npx tsx bench/wasmFirstSearch.ts [rounds] [panDir] [packed|judged]` (8 rounds,
 * /tmp/pan, packed by default); the raw numbers go to a fresh temporary directory, whose path it
 * prints. `judged` measures the judged engines instead (the default `explore` engine: every default
 * property on every transition and the leads-to check): the JavaScript one (exploreJudged), the wasm
 * one (exploreJudgedWasm, judgedWasmExplore.ts) under the four tierings and precompiled, and its
 * first form, each memo miss judged by PackedControllerJudge in JavaScript (judgedWasmPass with
 * `controller: 'js'`), under the default tiering with the time those callbacks take summed (`ctrl
 * ms`: the judge wrapped, in that process only), beside the compiles and pan.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from './built.ts';
import { printTable } from './table.ts';

const ROOT = join(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 8);
const PAN_DIR = process.argv[3] ?? '/tmp/pan';
const MODE = process.argv[4] === 'judged' ? 'judged' : 'packed';
/** The wakeup `small` preset's distinct states: a search that finds another count is wrong, not fast. */
const SMALL_STATES = 69_532;

/** One kind of process: how it is started and what it prints. */
interface Kind {
  readonly name: string;
  readonly command: readonly string[];
  readonly cwd: string;
}

/** What a child process runs: a search by one engine (`precompiled…`: the wasm ones with the module precompiled), or only the module's compile. */
type Child =
  | 'js'
  | 'wasm'
  | 'precompiled'
  | 'jsJudged'
  | 'wasmJudged'
  | 'precompiledJudged'
  | 'wasmJudgedInJs'
  | 'compile';

/** The module file and function of each engine a child can search with. */
const ENGINES: Readonly<Record<Exclude<Child, 'compile'>, readonly [string, string]>> = {
  js: ['protocols/wakeup/engine/packed/packedExplore.js', 'explorePacked'],
  wasm: ['protocols/wakeup/engine/wasm/packedWasmExplore.js', 'explorePackedWasm'],
  precompiled: ['protocols/wakeup/engine/wasm/packedWasmExplore.js', 'explorePackedWasm'],
  jsJudged: ['protocols/wakeup/engine/packed/judgedExplore.js', 'exploreJudged'],
  wasmJudged: ['protocols/wakeup/engine/wasm/judgedWasmExplore.js', 'exploreJudgedWasm'],
  precompiledJudged: ['protocols/wakeup/engine/wasm/judgedWasmExplore.js', 'exploreJudgedWasm'],
  wasmJudgedInJs: ['protocols/wakeup/engine/wasm/judgedWasmExplore.js', 'judgedWasmPass'],
};

/**
 * The child's program: one search timed first, then five more (warm); or only the module's
 * compile; or (`precompiled`) the wasm search after `precompilePackedWasm` was started before the
 * other modules were imported and awaited after, as a command could (`wait`: ms still waited).
 */
function child(what: Child): string {
  const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', p)).href;
  const wasm = join(ROOT, 'dist', 'protocols', 'wakeup', 'engine', 'wasm', 'packedWasm.wasm');
  if (what === 'compile')
    return [
      `const bytes = (await import('node:fs')).readFileSync(${JSON.stringify(wasm)});`,
      'const t = performance.now();',
      'new WebAssembly.Module(bytes);',
      'console.log(JSON.stringify({ compile: performance.now() - t }));',
    ].join('\n');
  const precompiled = what === 'precompiled' || what === 'precompiledJudged';
  const judged =
    what === 'jsJudged' || what === 'wasmJudged' || what === 'precompiledJudged' || what === 'wasmJudgedInJs';
  const pre = precompiled
    ? [
        `const { precompilePackedWasm } = await import(${JSON.stringify(dist('protocols/wakeup/engine/wasm/packedWasmModule.js'))});`,
        'const ready = precompilePackedWasm();',
      ]
    : [];
  const wait = precompiled
    ? ['const w0 = performance.now();', 'await ready;', 'const wait = performance.now() - w0;']
    : ['const wait = 0;'];
  const [file, fn] = ENGINES[what];
  const selection = dist('protocols/wakeup/properties/selection.js');
  const judge = dist('protocols/controller/engine/packed/packedControllerJudge.js');
  return [
    ...pre,
    `const { explorePreset } = await import(${JSON.stringify(dist('engine/explore/explorePresets.js'))});`,
    `const { ${fn}: search } = await import(${JSON.stringify(dist(file))});`,
    ...wait,
    "const cfg = explorePreset('wakeup', 'small');",
    ...(judged
      ? [
          `const { selectWakeupProperties } = await import(${JSON.stringify(selection)});`,
          'const sel = selectWakeupProperties(undefined, undefined);',
          what === 'wasmJudgedInJs'
            ? "const run = (c) => search(c, sel, { controller: 'js' });"
            : 'const run = (c) => search(c, sel);',
        ]
      : ['const run = search;']),
    ...(what === 'wasmJudgedInJs'
      ? [
          `const { PackedControllerJudge } = await import(${JSON.stringify(judge)});`,
          'let ctrl = 0;',
          'const judge = PackedControllerJudge.prototype.judge;',
          'PackedControllerJudge.prototype.judge = function (...a) { const t = performance.now(); const r = judge.apply(this, a); ctrl += performance.now() - t; return r; };',
        ]
      : ['let ctrl = 0;']),
    'const time = () => { const t = performance.now(); const o = run(cfg); return [performance.now() - t, o.distinct]; };',
    'const [first, distinct] = time();',
    'const firstCtrl = ctrl;',
    'let warm = Infinity;',
    'for (let i = 0; i < 5; i++) warm = Math.min(warm, time()[0]);',
    'console.log(JSON.stringify({ first, warm, distinct, wait, ctrl: firstCtrl }));',
  ].join('\n');
}

const node = (flags: readonly string[], what: Child): readonly string[] => [
  process.execPath,
  ...flags,
  '--input-type=module',
  '-e',
  child(what),
];

const TIERINGS: readonly [string, readonly string[]][] = [
  ['default', []],
  ['no-dynamic-tiering', ['--no-wasm-dynamic-tiering']],
  ['no-liftoff', ['--no-liftoff']],
  ['eager-turbofan', ['--no-liftoff', '--no-wasm-lazy-compilation']],
];

const EAGER = ['--no-liftoff', '--no-wasm-lazy-compilation'];

const KINDS: readonly Kind[] = [
  ...(MODE === 'packed'
    ? [
        { name: 'js packed', command: node([], 'js'), cwd: ROOT },
        ...TIERINGS.map(([t, flags]) => ({ name: `wasm ${t}`, command: node(flags, 'wasm'), cwd: ROOT })),
        { name: 'wasm precompiled eager-turbofan', command: node(EAGER, 'precompiled'), cwd: ROOT },
      ]
    : [
        { name: 'js judged', command: node([], 'jsJudged'), cwd: ROOT },
        ...TIERINGS.map(([t, flags]) => ({
          name: `wasm judged ${t}`,
          command: node(flags, 'wasmJudged'),
          cwd: ROOT,
        })),
        {
          name: 'wasm judged precompiled eager-turbofan',
          command: node(EAGER, 'precompiledJudged'),
          cwd: ROOT,
        },
        { name: 'wasm judged, ctrl in js', command: node([], 'wasmJudgedInJs'), cwd: ROOT },
      ]),
  ...TIERINGS.map(([t, flags]) => ({ name: `compile ${t}`, command: node(flags, 'compile'), cwd: ROOT })),
  { name: 'pan', command: ['./pan'], cwd: PAN_DIR },
];

/** What one process reported: its own numbers (ms) and /usr/bin/time's user and wall seconds. */
interface Sample {
  readonly numbers: Readonly<Record<string, number>>;
  readonly user: number;
  readonly wall: number;
}

/** Runs one process of `kind` under /usr/bin/time, its output kept in `dir`. */
function sample(kind: Kind, dir: string, round: number): Sample {
  const timeFile = join(dir, `${kind.name.replace(/ /g, '_')}.${round}.time`);
  const [cmd, ...args] = kind.command;
  if (cmd === undefined) throw new Error(`${kind.name}: no command`);
  const out = execFileSync('/usr/bin/time', ['-f', '%U %e', '-o', timeFile, cmd, ...args], {
    cwd: kind.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  writeFileSync(join(dir, `${kind.name.replace(/ /g, '_')}.${round}.out`), out);
  const [user, wall] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  const numbers: Record<string, number> = {};
  if (kind.name === 'pan') {
    const m = /elapsed time ([\d.e+-]+) seconds/.exec(out);
    numbers.first = Number(m?.[1]) * 1000;
  } else Object.assign(numbers, JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
  if (numbers.distinct !== undefined && numbers.distinct !== SMALL_STATES)
    throw new Error(`${kind.name}: ${numbers.distinct} states, not ${SMALL_STATES}`);
  return { numbers, user: user ?? Number.NaN, wall: wall ?? Number.NaN };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export function wasmFirstSearch(): void {
  if (!existsSync(join(PAN_DIR, 'pan')))
    throw new Error(`no pan in ${PAN_DIR}: compile bench/spin/wakeup.pml there`);
  built();
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-wasm-bench-'));
  const loadBefore = loadavg()[0] ?? 0;
  const samples = new Map<string, Sample[]>(KINDS.map((k) => [k.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < KINDS.length; i++) {
      const kind = KINDS[(i + r) % KINDS.length];
      if (kind === undefined) continue;
      samples.get(kind.name)?.push(sample(kind, dir, r));
    }
  }
  const loadAfter = loadavg()[0] ?? 0;
  const of = (name: string, key: string): number =>
    median((samples.get(name) ?? []).map((s) => s.numbers[key] ?? Number.NaN));
  const rows = KINDS.map((k) => {
    const s = samples.get(k.name) ?? [];
    return [
      k.name,
      of(k.name, k.name.startsWith('compile') ? 'compile' : 'first'),
      of(k.name, 'warm'),
      of(k.name, 'wait'),
      of(k.name, 'ctrl'),
      median(s.map((x) => x.user)),
      median(s.map((x) => x.wall)),
    ];
  });
  printTable(
    `wakeup small (${MODE} engines) in fresh processes, medians of ${rounds} rounds (load ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; raw in ${dir})`,
    [
      'process',
      'first or compile ms',
      'warm ms (best of 5)',
      'waited ms',
      'ctrl ms (first)',
      'user s',
      'wall s',
    ],
    rows,
  );
}

wasmFirstSearch();
