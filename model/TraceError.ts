/**
 * The one error a trace file can cause: a single line naming what is wrong and where
 * (`trace.itf.json: state 3: unknown event "Enqeue"`). The CLI maps it to exit code 2.
 */
import { BadInput } from './badInput.ts';

export class TraceError extends BadInput {
  override readonly name: string = 'TraceError';

  /** The same problem, with `where` ("state 3", the file name …) put in front of the message. */
  at(where: string): TraceError {
    return new TraceError(`${where}: ${this.message}`);
  }
}

/** Runs `f`; a {@link TraceError} it throws comes back prefixed with `where`. */
export function within<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TraceError) throw e.at(where);
    throw e;
  }
}
