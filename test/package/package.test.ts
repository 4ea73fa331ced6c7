/**
 * The package (issue 20), as a hardware or OS team's CI installs it: `npm pack`, then in an empty
 * directory elsewhere `npm install <tarball>` (from the registry: its dependencies) and
 * `npx intcheck conform --dut "python3 …/dut_reference.py"`. The tarball holds compiled JavaScript
 * with declarations and nothing of the tests; the installed tree has no TypeScript loader; and
 * docs/api.md's vitest file, run there as a user would, passes on the conforming design and fails on
 * the buggy one with the counterexample and the replay command in its message.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { installInEmptyProject, pack, REPO, run } from './installed.ts';

let tarball = '';
let app = '';

beforeAll(async () => {
  tarball = await pack();
  app = await installInEmptyProject(tarball);
}, 300_000);

const installed = () => join(app, 'node_modules', 'intcheck');
const example = (name: string) => `python3 ${join(installed(), 'examples', name)}`;

describe('the package, installed from its tarball into an empty project', () => {
  test('the tarball: compiled JavaScript and declarations, examples and docs; no sources, tests or benches', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    const outside = files.filter((f) => !/^(dist\/|examples\/|docs\/|README\.md$|package\.json$)/.test(f));
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    for (const f of [
      'dist/api/index.js',
      'dist/api/index.d.ts',
      'dist/cli/bin.js',
      'examples/dut_reference.py',
    ]) {
      expect(files).toContain(f);
    }
  });

  test('every relative import of the emitted JavaScript names a .js file (rewriteRelativeImportExtensions)', () => {
    const dist = join(installed(), 'dist');
    const js = execFileSync('find', [dist, '-name', '*.js'], { encoding: 'utf8' }).trim().split('\n');
    expect(js.length).toBeGreaterThan(100);
    const specifier = /(?:from\s*|import\(\s*)'(\.{1,2}\/[^']+)'/g;
    const wrong = js.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(specifier)]
        .map((m) => m[1] ?? '')
        .filter((spec) => !spec.endsWith('.js'))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  test('package.json declares what it needs and nothing else', () => {
    const pkg = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ intcheck: './dist/cli/bin.js' });
    expect(pkg.exports['.']).toEqual({ types: './dist/api/index.d.ts', default: './dist/api/index.js' });
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['commander', 'fast-check', 'tinypool', 'xstate']);
    // Nothing of the development tools came along with it.
    for (const dev of [
      'tsx',
      'vitest',
      'typescript',
      '@biomejs/biome',
      'esbuild',
      '@informalsystems/quint',
    ]) {
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    }
  });

  test('npx intcheck: --version, --help, and conform --dut on the example designs', async () => {
    const version = await run('npx', ['intcheck', '--version'], app);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
    // npx found the package's bin above; the commands below run that same link npx runs
    // (node_modules/.bin/intcheck) directly: each npx start costs 0.6 s of CPU against the
    // command's 0.08 s, and the suite is CPU-bound
    const intcheck = join(app, 'node_modules', '.bin', 'intcheck');
    const help = await run(intcheck, ['--help'], app);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('conform');
    const good = await run(intcheck, ['conform', '--dut', example('dut_reference.py'), '--runs', '100'], app);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^✓ dut python-reference \/ small: 100 runs conform to the reference/m);
    const bad = await run(
      intcheck,
      [
        'conform',
        '--dut',
        example('dut_buggy.py'),
        '--preset',
        'small',
        '--runs',
        '150',
        '--junit',
        'junit.xml',
      ],
      app,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      `replay: npx intcheck replay out/dut--python-buggy--small.itf.json --dut ${JSON.stringify(example('dut_buggy.py'))}`,
    );
    const replayed = await run(
      intcheck,
      ['replay', 'out/dut--python-buggy--small.itf.json', '--dut', example('dut_buggy.py')],
      app,
    );
    expect(replayed.code).toBe(1);
    expect(readFileSync(join(app, 'junit.xml'), 'utf8')).toContain('<failure message="refinement failed');
    const parallel = await run(
      intcheck,
      ['check', '--protocol', 'controller', '--preset', 'small', '--runs', '200', '--workers', '2'],
      app,
    );
    expect(parallel.code, parallel.stderr).toBe(0);
    // the parallel explorer's worker threads start from the compiled entry too (it once named the
    // sources' .mjs, which the package does not ship, and the search waited for ever)
    const explored = await run(
      intcheck,
      ['explore', '--protocol', 'controller', '--preset', 'tiny', '--workers', '2', '--json'],
      app,
      {},
      60_000,
    );
    expect(explored.code, explored.stderr).toBe(0);
    expect(JSON.parse(explored.stdout)).toMatchObject({ verdict: 'complete', distinct: 4480 });
    // the bundled command line (scripts/build.mjs) from the installed copy of dist/: its modules
    // that find files beside themselves (the protocol manifest, package.json) still find them
    const wakeup = await run(
      intcheck,
      ['explore', '--protocol', 'wakeup', '--preset', 'tiny', '--json'],
      app,
    );
    expect(wakeup.code, wakeup.stderr).toBe(0);
    expect(JSON.parse(wakeup.stdout)).toMatchObject({ distinct: 1704, transitions: 8460, diameter: 23 });
  });

  test('docs/api.md’s vitest file, run in the project with the installed types: passes, then fails with the counterexample', async () => {
    const doc = readFileSync(join(REPO, 'docs', 'api.md'), 'utf8');
    const block = /```ts\n(\/\/ test\/intcheck\.test\.ts\n[\s\S]*?)```/.exec(doc)?.[1];
    if (block === undefined) throw new Error('docs/api.md has no test/intcheck.test.ts block');
    mkdirSync(join(app, 'test'), { recursive: true });
    writeFileSync(join(app, 'test', 'intcheck.test.ts'), block);
    // vitest, and Node's types for tsc, as the user's devDependencies (linked from this repository's).
    mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', 'vitest'), join(app, 'node_modules', 'vitest'));
    symlinkSync(join(REPO, 'node_modules', '@types', 'node'), join(app, 'node_modules', '@types', 'node'));
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
      },
      include: ['test'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = await run(
      process.execPath,
      [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app],
      app,
    );
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
    const args = [vitest, 'run', '--root', app, '--reporter', 'default'];
    const passes = await run(process.execPath, args, app, {
      INTCHECK_DUT: example('dut_reference.py'),
      CI: 'true',
    });
    expect(passes.code, passes.stdout + passes.stderr).toBe(0);
    const fails = await run(process.execPath, args, app, {
      INTCHECK_DUT: example('dut_buggy.py'),
      CI: 'true',
    });
    expect(fails.code).toBe(1);
    const output = fails.stdout + fails.stderr;
    expect(output).toContain('differs from the reference');
    expect(output).toContain('counterexample:');
    expect(output).toContain(
      `replay: npx intcheck replay intcheck-traces/dut--python-buggy--small.itf.json --dut ${JSON.stringify(example('dut_buggy.py'))}`,
    );
  });
});
