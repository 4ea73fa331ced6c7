/**
 * The example GitHub Actions workflow of docs/ci.md, read back for the test that runs it locally:
 * the workflow's env, its matrix of shards, and the `run:` steps of each job in order (as the YAML
 * block writes them: two-space indentation, `run: cmd` or `run: |` blocks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Workflow {
  /** The workflow-level env. */
  readonly env: Readonly<Record<string, string>>;
  /** The `shard` values of the check job's matrix. */
  readonly shards: readonly string[];
  /** The `run:` scripts of each job, by job name, in order; each with its step's env. */
  readonly jobs: Readonly<Record<string, readonly { script: string; env: Record<string, string> }[]>>;
}

/** The first ```yaml block of `markdown`. */
function yamlBlock(markdown: string): string {
  const m = /```yaml\n([\s\S]*?)```/.exec(markdown);
  if (m?.[1] === undefined) throw new Error('no yaml block');
  return m[1];
}

const unquote = (s: string): string => s.trim().replace(/^'(.*)'$/, '$1');

/** The workflow of the markdown file at `path`. */
export function readWorkflow(path: string): Workflow {
  const lines = yamlBlock(readFileSync(path, 'utf8')).split('\n');
  const env: Record<string, string> = {};
  const jobs: Record<string, { script: string; env: Record<string, string> }[]> = {};
  let shards: string[] = [];
  let section = '';
  let job = '';
  let stepEnv: Record<string, string> = {};
  let inStepEnv = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const top = /^(\w+):/.exec(line);
    if (top?.[1] !== undefined) {
      section = top[1];
      continue;
    }
    if (section === 'env') {
      const kv = /^ {2}(\w+): (.*)$/.exec(line);
      if (kv?.[1] !== undefined && kv[2] !== undefined) env[kv[1]] = unquote(kv[2]);
      continue;
    }
    if (section !== 'jobs') continue;
    const jobHead = /^ {2}([\w-]+):$/.exec(line);
    if (jobHead?.[1] !== undefined) {
      job = jobHead[1];
      jobs[job] = [];
      continue;
    }
    const matrix = /^\s+shard: \[(.*)\]$/.exec(line);
    if (matrix?.[1] !== undefined) shards = matrix[1].split(',').map((s) => s.trim());
    if (/^ {6}- /.test(line)) stepEnv = {};
    if (/^ {8}\S/.test(line)) inStepEnv = line.trim() === 'env:';
    const envVar = /^ {10}(\w+): (.*)$/.exec(line);
    if (inStepEnv && envVar?.[1] !== undefined && envVar[2] !== undefined)
      stepEnv[envVar[1]] = unquote(envVar[2]);
    const run = /^(\s+)(?:- )?run: (.*)$/.exec(line);
    if (run?.[1] === undefined || run[2] === undefined) continue;
    let script = run[2];
    if (script === '|') {
      const body: string[] = [];
      const indent = run[1].length + (line.includes('- run') ? 4 : 2);
      while (
        i + 1 < lines.length &&
        ((lines[i + 1] ?? '').startsWith(' '.repeat(indent)) || lines[i + 1] === '')
      ) {
        body.push((lines[++i] ?? '').slice(indent));
      }
      script = body.join('\n').trim();
    }
    jobs[job]?.push({ script, env: { ...stepEnv } });
  }
  return { env, shards, jobs };
}

/** docs/ci.md's workflow. */
export const CI_DOC = join(import.meta.dirname, '..', '..', 'docs', 'ci.md');
