/** The counterexample of a controller-family exploration as the command line prints it: one formatted event per step. */

import { assertNever } from '../../model/assertNever.ts';
import { formatEvent } from '../controller/model/formatEvent.ts';
import { formatSyscallEvent } from '../syscall/model/events.ts';
import { formatSystemEvent } from '../wakeup/model/events.ts';
import type { Reproduction } from './exploreProtocol.ts';

export function counterexampleOf(r: Reproduction): string[] {
  switch (r.protocol) {
    case 'controller':
      return r.events.map(formatEvent);
    case 'wakeup':
      return r.events.map(formatSystemEvent);
    case 'syscall':
      return r.events.map(formatSyscallEvent);
    default:
      return assertNever(r);
  }
}
