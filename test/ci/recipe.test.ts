/**
 * docs/ci.md's workflow, run locally (issue 20): its `run:` steps in order, verbatim, in empty
 * directories — one per shard of the matrix, then the merge job's with the shards' reports copied
 * in as download-artifact would — with `npx intcheck` the package's binary (dist/cli/bin.js).
 * The merged verdict is the one a single run of the whole check gives, the JUnit report reads back
 * with the failure, and the failing shard left its trace and its HTML timeline for upload.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparable, ROOT, tempDir } from '../cli/runCli.ts';
import { readJUnit } from '../report/junitSupport.ts';
import { CI_DOC, readWorkflow } from './workflow.ts';

const BIN = join(ROOT, 'dist', 'cli', 'bin.js');
/** `npx intcheck …` on a runner after `npm ci`: the package's own binary. */
const PRELUDE = `npx() { [ "$1" = intcheck ] || { echo "not intcheck: $*" >&2; return 127; }; shift; node ${JSON.stringify(BIN)} "$@"; }`;
/** The matrix value's expression in the workflow (GitHub's syntax, not a template string). */
const MATRIX_SHARD = ['$', '{{ matrix.shard }}'].join('');
/** Storms for the local run (the workflow's 20,000 are for a real matrix). */
const LOCAL_RUNS = '600';

/** Runs `script` as a GitHub step does (bash -e) in `cwd`; resolves with its exit code and output. */
function step(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-e', '-c', `${PRELUDE}\n${script}`],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stderr }),
    );
  });
}

describe('docs/ci.md: the sharded check, run locally', () => {
  test('shards, merge: the verdict of one run; JUnit, traces and timelines to upload', async () => {
    const wf = readWorkflow(CI_DOC);
    const check = (wf.env.INTCHECK_CHECK ?? '').replace(/--runs \d+/, `--runs ${LOCAL_RUNS}`);
    expect(check).toContain(`--runs ${LOCAL_RUNS}`);
    const env = { INTCHECK_CHECK: check };
    const runSteps = (job: string) => (wf.jobs[job] ?? []).filter((s) => s.script !== 'npm ci');
    expect(wf.shards.length).toBeGreaterThan(1);
    expect(runSteps('check').length).toBeGreaterThan(0);

    const root = tempDir();
    const merge = join(root, 'merge');
    mkdirSync(join(merge, 'reports'), { recursive: true });
    await Promise.all(
      wf.shards.map(async (shard) => {
        const dir = join(root, `shard-${shard}`);
        mkdirSync(dir);
        for (const s of runSteps('check')) {
          // On a runner GITHUB_ACTIONS is true: the shard steps silence their own annotations.
          const r = await step(s.script.replaceAll(MATRIX_SHARD, shard), dir, {
            ...env,
            ...s.env,
            GITHUB_ACTIONS: 'true',
          });
          expect(r.code, `shard ${shard}: ${s.script}\n${r.stderr}`).toBe(0);
          expect(r.stderr).not.toContain('::error');
        }
        for (const f of readdirSync(join(dir, 'reports')))
          copyFileSync(join(dir, 'reports', f), join(merge, 'reports', f));
      }),
    );
    let mergeCode = 0;
    for (const s of runSteps('merge')) {
      const r = await step(s.script, merge, { ...env, ...s.env, GITHUB_ACTIONS: 'true' });
      mergeCode = r.code;
      // The merged verdict's failure is annotated once, by the merge job.
      expect(
        r.stderr.split('\n').filter((l) => l.startsWith('::error ')),
        r.stderr,
      ).toHaveLength(r.code === 0 ? 0 : 1);
    }

    // One run of the whole check, for comparison.
    const single = await step(
      `npx intcheck check $INTCHECK_CHECK --out traces --json > single.json`,
      root,
      env,
    );
    const merged = { code: mergeCode, stdout: readFileSync(join(merge, 'merged.json'), 'utf8'), stderr: '' };
    const whole = { code: single.code, stdout: readFileSync(join(root, 'single.json'), 'utf8'), stderr: '' };
    expect(merged.code).toBe(whole.code);
    expect(comparable(merged)).toEqual(comparable(whole));

    // This check fails (ats-intc-qemu loses a wakeup): the JUnit report has the failure, and the
    // shard that found it left the trace the merged report names, with its timeline.
    expect(whole.code).toBe(1);
    const junit = readJUnit(join(merge, 'intcheck-junit.xml'));
    expect(junit.failed).toBe(1);
    const failure = (
      JSON.parse(merged.stdout) as { results: { failure?: { trace: string } }[] }
    ).results.find((r) => r.failure !== undefined)?.failure;
    if (failure === undefined) throw new Error('no failure in the merged report');
    const found = wf.shards.filter((shard) => existsSync(join(root, `shard-${shard}`, failure.trace)));
    expect(found.length).toBeGreaterThan(0);
    const timeline = failure.trace.replace(/^traces\//, 'timelines/').replace(/\.itf\.json$/, '.html');
    expect(found.every((shard) => existsSync(join(root, `shard-${shard}`, timeline)))).toBe(true);
  });
});
