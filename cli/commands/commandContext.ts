/**
 * What every command's registration gets: where its exit code goes, where it writes, and, for
 * its help text, the protocols with their designs (a written-out list, so that no command loads
 * every protocol before it runs).
 */
import type { Io } from '../io.ts';

/** A protocol as the help text lists it. */
export interface HelpProtocol {
  readonly name: string;
  readonly designs: readonly string[];
}

export interface CommandContext {
  readonly setExit: (code: number) => void;
  readonly io: Io;
  /** The protocols and designs the help text names (cli/commands/helpProtocols.ts). */
  readonly protocols: readonly HelpProtocol[];
}
