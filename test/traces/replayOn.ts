/** Test helper: a loaded trace replayed on a built-in implementation by name (an unknown name fails the test). */
import type { LoadedTrace, TraceReplay } from '../../protocols/protocol.ts';

export function replayOn(trace: LoadedTrace, name = trace.header.implementation): TraceReplay {
  const r = trace.replay(name);
  if (r === undefined) throw new Error(`${trace.header.file}: no implementation "${name}"`);
  return r;
}
