// `npm run build` (and `prepare`, so `npm ci` and `npm pack` build too): the sources compiled by
// tsc 7 into dist/ (JavaScript and declarations, tsconfig.build.json), plus the data files the
// compiled modules read beside themselves at run time (`new URL('./x.json', import.meta.url)`),
// found in the emitted code so that moving one needs no change here. dist/ is removed first so no
// file of a deleted source lingers.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

/** Every file under `dir`. */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const DATA = /new URL\(\s*'(\.{1,2}\/[^']+\.json)'\s*,\s*import\.meta\.url\s*\)/g;
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
chmodSync(join(dist, 'cli', 'bin.js'), 0o755);
