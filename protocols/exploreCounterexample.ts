/** The counterexample of an exploration as the command line prints it: one formatted event per step. */

import type { Reproduction } from '../engine/explore/exploreProtocol.ts';
import { assertNever } from '../model/assertNever.ts';
import { formatEvent } from './controller/model/formatEvent.ts';
import { formatSyscallEvent } from './syscall/model/events.ts';
import type { UipiReproduction } from './uipi/engine/exploreUipi.ts';
import { formatUipiEvent } from './uipi/model/events.ts';
import { formatSystemEvent } from './wakeup/model/events.ts';

export function counterexampleOf(r: Reproduction | UipiReproduction): string[] {
  switch (r.protocol) {
    case 'controller':
      return r.events.map(formatEvent);
    case 'wakeup':
      return r.events.map(formatSystemEvent);
    case 'syscall':
      return r.events.map(formatSyscallEvent);
    case 'uipi':
      return r.events.map(formatUipiEvent);
    default:
      return assertNever(r);
  }
}
