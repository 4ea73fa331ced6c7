/**
 * How a command ends: bad input in one line naming what is wrong and exit 2, never a stack trace;
 * an unexpected exception is not bad input: `internal error: …`, where to report it, exit 70
 * (EX_SOFTWARE of sysexits.h).
 */
import { CommanderError } from 'commander';
import { BadInput } from '../model/badInput.ts';

export { UsageError } from '../model/badInput.ts';

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
  /** `explore` only: --max-states stopped the search before the bound was exhausted (no verdict). */
  incomplete: 3,
  /** A fault of intcheck itself, not of its input (sysexits.h EX_SOFTWARE). */
  internal: 70,
} as const;

/** Where an internal error is reported (docs/reporting-bugs.md says what to include). */
export const REPORT_BUGS = 'the intcheck issue tracker (docs/reporting-bugs.md)';

/**
 * Error classes (by name) whose message is already a one-line explanation for the user: the
 * subclasses of BadInput, recognised by name too because an error that crossed a worker thread
 * keeps its name but not its class.
 */
const INPUT_ERRORS = new Set(['BadInput', 'UsageError', 'ConfigError', 'TraceError']);

/** The one line to print and the exit code for an error that escaped a command. */
export function describeError(e: unknown): { readonly line: string; readonly code: number } {
  if (e instanceof CommanderError) return { line: e.message.replace(/^error: /, ''), code: EXIT.badInput };
  if (e instanceof BadInput || (e instanceof Error && INPUT_ERRORS.has(e.name))) {
    return { line: firstLine(e.message), code: EXIT.badInput };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return {
    line: `internal error: ${firstLine(msg)} (a bug in intcheck, not in your input: please report it to ${REPORT_BUGS} with the command line; INTCHECK_DEBUG=1 prints the stack)`,
    code: EXIT.internal,
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
