/**
 * The reports for CI systems every verdict command can add to its own (`--junit FILE`, and GitHub
 * Actions annotations when GITHUB_ACTIONS=true): built from the command's report by a mapper of
 * report/junit/, written after the command's own output. Annotations go to standard error, so
 * that `--json` keeps standard output one JSON object; the runner reads workflow commands on both.
 */
import { githubAnnotations } from '../../report/junit/annotations.ts';
import { type JUnitSuite, junitXml } from '../../report/junit/junitXml.ts';
import { writeTextAtomic } from '../../traces/writeTextAtomic.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';

/** The option every verdict command shares. */
export interface CiFlags {
  readonly junit?: string;
}

/** Writes `--junit`'s file and prints the annotations; `suites` is built only when one is wanted. */
export function ciReports(f: CiFlags, io: Io, suites: () => readonly JUnitSuite[]): void {
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  if (f.junit === undefined && !annotate) return;
  const built = suites();
  if (f.junit !== undefined) {
    try {
      writeTextAtomic(f.junit, junitXml('intcheck', built));
    } catch (e) {
      throw new UsageError(
        `--junit: cannot write ${f.junit} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (annotate) for (const line of githubAnnotations(built)) io.err(line);
}
