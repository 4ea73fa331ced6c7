/**
 * What every command's registration gets: where its exit code goes, where it writes, and, for
 * its help text, the protocols with their designs (filled only when help is asked for, so that a
 * command does not load every protocol before it runs).
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
  /** Empty unless help was asked for. */
  readonly protocols: readonly HelpProtocol[];
}
