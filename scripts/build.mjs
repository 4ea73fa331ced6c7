// `npm run build` (and `prepare`, so `npm ci` and `npm pack` build too): the sources compiled by
// tsc 7 into dist/ (JavaScript and declarations, tsconfig.build.json), plus the data files the
// compiled modules read beside themselves at run time (`new URL('./x.json', import.meta.url)`, or a .wasm),
// found in the emitted code so that moving one needs no change here. dist/ is removed first so no
// file of a deleted source lingers.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });

// The engines in WebAssembly (protocols/*/engine/wasm/, engine/explore/wasm/wasmEngineModule.ts),
// one rule for all: every `protocols/*/engine/wasm/assembly/*Wasm.ts` is an entry, compiled by asc
// into `protocols/*/engine/wasm/*Wasm.wasm` in the sources' folder (git-ignored), from where the
// copy of data files below puts it beside its loader in dist/. The other files of assembly/ are the
// entries' modules. -O3, the stub runtime (the engines allocate their own linear memory and never
// free), no assertions, no `abort` import.
const asc = join(
  dirname(createRequire(import.meta.url).resolve('assemblyscript/package.json')),
  'bin',
  'asc.js',
);
const protocolsDir = join(root, 'protocols');
for (const protocol of readdirSync(protocolsDir)) {
  const wasmDir = join(protocolsDir, protocol, 'engine', 'wasm');
  const assembly = join(wasmDir, 'assembly');
  if (!existsSync(assembly)) continue;
  for (const entry of readdirSync(assembly).filter((f) => f.endsWith('Wasm.ts'))) {
    execFileSync(
      process.execPath,
      [
        asc,
        join(assembly, entry),
        '-O3',
        '--runtime',
        'stub',
        '--noAssert',
        '--use',
        'abort=',
        '-o',
        join(wasmDir, entry.replace(/\.ts$/, '.wasm')),
      ],
      { stdio: 'inherit', cwd: root },
    );
  }
}

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

/** Every file under `dir`. */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const DATA = /new URL\(\s*'(\.{1,2}\/[^']+\.(?:json|wasm))'\s*,\s*import\.meta\.url\s*\)/g;
for (const js of walk(dist).filter((f) => f.endsWith('.js'))) {
  for (const [, spec] of readFileSync(js, 'utf8').matchAll(DATA)) {
    const target = join(dirname(js), spec);
    copyFileSync(join(root, relative(dist, target)), target);
  }
}

// The help text's list of protocols and designs, from the registry itself, so that `intcheck
// --help` need not load every protocol (cli/commands/helpProtocols.ts reads it).
const { PROTOCOLS } = await import(pathToFileURL(join(dist, 'protocols', 'index.js')).href);
const help = PROTOCOLS.map((p) => ({ name: p.name, designs: p.designs.map((d) => d.name) }));
writeFileSync(join(dist, 'cli', 'commands', 'helpProtocols.json'), `${JSON.stringify(help, null, 2)}\n`);

// The command line, bundled (docs/packaging.md, "Start-up"): Node's ESM loader opens, resolves
// and compiles each module file one by one, and `explore` loads some 460 of them, which was half
// of its start. esbuild joins them into one entry (dist/cli/bundle/bin.js) with code splitting, so
// each command's lazily imported runner (`await import('./runExplore.js')`) is a chunk of its own
// and `--help` still loads only what it needs. The npm dependencies stay outside (`packages:
// 'external'`); the module files stay too: the API (dist/api/index.js, the package's `exports`)
// and the worker threads' entries load them, never the bundle, so no process holds two copies of a
// module (a worker is an isolate of its own). dist/cli/bin.js, package.json's `bin`, becomes a
// one-line module that imports the bundle's entry, so `bin` and the docs keep their path.
const { build } = await import('esbuild');
const bundleDir = join(dist, 'cli', 'bundle');
const bin = join(dist, 'cli', 'bin.js');

/**
 * Decision: a module that finds files relative to itself (`new URL('x.json', import.meta.url)`,
 * the worker entries, package.json, the Quint specs) must keep finding them in its own dist/
 * folder, where the build copied the data files and where the worker modules are. So in each
 * bundled module `import.meta.url` becomes the URL of that module's own emitted file, computed at
 * run time from the chunk's URL (every output file is directly in dist/cli/bundle/, so the relative
 * path is known while loading), which keeps the installed package relocatable. The other
 * `import.meta` properties have no such rewrite: a bundled module using one fails the build.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const other = /\bimport\.meta\.(?!url\b)\w+/.exec(source);
      if (other !== null) throw new Error(`${args.path}: ${other[0]} has no rewrite for the bundle`);
      const rel = relative(bundleDir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: source.replace(/\bimport\.meta\.url\b/g, url), loader: 'js' };
    });
  },
};
const result = await build({
  entryPoints: [bin],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  // The package's oldest Node (engines: >=20), which has all of tsc's ES2022 output, so no syntax
  // is transformed (class fields, private names stay) and the search runs the code the module
  // files hold, whichever Node builds it. Names are not kept (`keepNames` wraps every closure in a
  // call that redefines its name, also in the hot loops); nothing reads a function's or class's
  // name.
  target: 'node20',
  outdir: bundleDir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  plugins: [ownUrl],
  metafile: true,
  absWorkingDir: root,
  logLevel: 'warning',
});
const stray = Object.keys(result.metafile.outputs).filter((f) => dirname(join(root, f)) !== bundleDir);
if (stray.length > 0) throw new Error(`bundle outputs outside ${bundleDir}: ${stray.join(', ')}`);
writeFileSync(
  bin,
  [
    '#!/usr/bin/env node',
    '// `intcheck` (package.json bin): the command line bundled by scripts/build.mjs.',
    "import './bundle/bin.js';",
    '',
  ].join('\n'),
);
chmodSync(bin, 0o755);
