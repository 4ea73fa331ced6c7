/**
 * The tools the formal flow runs, all Debian packages: yosys (which brings yosys-smtbmc), z3,
 * and python3 (yosys-smtbmc and the z3 filter of hw/formal are Python). A missing one is named
 * in one line (exit 2 through BadInput), never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { BadInput } from '../../../model/badInput.ts';

/** Each tool, how to ask it for a version (a zero exit means present), and its package. */
const TOOLS = [
  { tool: 'yosys', args: ['-V'], pkg: 'yosys' },
  { tool: 'yosys-smtbmc', args: ['-h'], pkg: 'yosys', anyExit: true },
  { tool: 'z3', args: ['--version'], pkg: 'z3' },
  { tool: 'python3', args: ['--version'], pkg: 'python3' },
] as const;

/** What a search of each PATH found (a run of the test suite asks many times). */
const FOUND = new Map<string, Record<string, string>>();

/** The first line of each tool's version, or throws naming the first missing tool. */
export function requireFormalTools(): Record<string, string> {
  const path = process.env.PATH ?? '';
  const known = FOUND.get(path);
  if (known !== undefined) return known;
  const found: Record<string, string> = {};
  for (const t of TOOLS) {
    const r = spawnSync(t.tool, [...t.args], { encoding: 'utf8', timeout: 20_000 });
    const ran = r.error === undefined && r.status !== null;
    if (!ran || (!('anyExit' in t) && r.status !== 0)) {
      throw new BadInput(
        `formal: ${t.tool} is not installed, and the formal flow needs it (Debian: apt-get install ${t.pkg})`,
      );
    }
    found[t.tool] = `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '';
  }
  FOUND.set(path, found);
  return found;
}
