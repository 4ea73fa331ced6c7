/** Test helper: trace text read as any trace is (its protocol found), which must be a controller trace. */
import {
  type ParsedControllerTrace,
  readControllerTrace,
} from '../../protocols/controller/trace/readControllerTrace.ts';
import { protocolOfTrace } from '../../protocols/readTrace.ts';
import { parseItf } from '../../traces/itfTrace.ts';

export function parseControllerTrace(text: string, file: string): ParsedControllerTrace {
  const itf = parseItf(text, file);
  const protocol = protocolOfTrace(itf).name;
  if (protocol !== 'controller') throw new Error(`${file}: a ${protocol} trace, not a controller trace`);
  return readControllerTrace(itf);
}
