/**
 * Bad input: something the user gave is wrong (a command-line option, a configuration file, a
 * trace, a report, an external design's reply). Its message is one line naming what is wrong,
 * and the command exits 2 with it; any other exception is an internal error (exit 70).
 */
export class BadInput extends Error {
  override readonly name: string = 'BadInput';
}

/** A command line (or an API call) that asks for something that does not exist or does not fit. */
export class UsageError extends BadInput {
  override readonly name: string = 'UsageError';
}
