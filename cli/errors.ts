/**
 * Bad input ends in one line naming what is wrong and exit 2 — never a stack trace. Every error
 * class the tool raises for bad input is mapped here.
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../protocols/controller/model/config/loadConfig.ts';

/** A command line that asks for something that does not exist or does not fit. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
  /** `explore` only: --max-states stopped the search before the bound was exhausted (no verdict). */
  incomplete: 3,
} as const;

/** Error classes (by name) whose message is already a one-line explanation for the user. */
const INPUT_ERRORS = new Set(['UsageError', 'ConfigError', 'TraceError']);

/** The one line to print and the exit code for an error that escaped a command. */
export function describeError(e: unknown): { readonly line: string; readonly code: number } {
  if (e instanceof CommanderError) return { line: e.message.replace(/^error: /, ''), code: EXIT.badInput };
  if (e instanceof ConfigError || (e instanceof Error && INPUT_ERRORS.has(e.name))) {
    return { line: firstLine(e.message), code: EXIT.badInput };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return {
    line: `internal error: ${firstLine(msg)} (set INTCHECK_DEBUG=1 for the stack)`,
    code: EXIT.badInput,
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
