// `npm run build` (and `prepare`, so `npm ci` and `npm pack` build too): the sources compiled by
// tsc 7 into dist/ (JavaScript and declarations, tsconfig.build.json), plus the data files the
// compiled modules read at run time. dist/ is removed first so no file of a deleted source lingers.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('../', import.meta.url);
const path = (p) => new URL(p, root).pathname;

rmSync(path('dist'), { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', path('tsconfig.build.json')], { stdio: 'inherit' });
/** Files read with readFileSync(new URL(…, import.meta.url)) beside their module. */
const ASSETS = ['engine/explore/manifest.json'];
for (const a of ASSETS) copyFileSync(path(a), path(`dist/${a}`));
chmodSync(path('dist/cli/bin.js'), 0o755);
