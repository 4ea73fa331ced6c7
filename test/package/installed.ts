/**
 * The package as a user gets it: `npm pack` of this repository (dist/ is fresh: vitest's global
 * setup builds it), installed with `npm install <tarball>` into an empty directory elsewhere (the
 * registry brings the dependencies). Shared by the package test and the startup benchmark.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/tempDir.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What a command did. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file args` in `cwd` (a non-zero exit is a result, not an error). */
export function run(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 300_000,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

/** A checked run: its output, or an error with everything it printed. */
async function must(file: string, args: readonly string[], cwd: string): Promise<string> {
  const r = await run(file, args, cwd);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The packed tarball (without running `prepare` again: dist/ is built). */
export async function pack(): Promise<string> {
  const dir = tempDir('pack');
  const out = await must('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO);
  const [info] = JSON.parse(out) as { filename: string }[];
  if (info === undefined) throw new Error(`npm pack said nothing: ${out}`);
  return join(dir, info.filename);
}

/** An empty project elsewhere with `tarball` installed; its directory. */
export async function installInEmptyProject(tarball: string): Promise<string> {
  const app = tempDir('user');
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'user-ci', private: true, type: 'module' }, null, 2)}\n`,
  );
  await must('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
  return app;
}
