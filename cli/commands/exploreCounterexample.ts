/** The counterexample of an exploration as the command line prints it: one formatted event per step. */

import { assertNever } from '../../model/events/events.ts';
import { formatEvent } from '../../model/events/formatEvent.ts';
import { formatSyscallEvent } from '../../model/syscall/events.ts';
import { formatUipiEvent } from '../../model/uipi/events.ts';
import { formatSystemEvent } from '../../model/wakeup/events.ts';
import type { Reproduction } from '../../properties/explore/exploreProtocol.ts';
import type { UipiReproduction } from '../../properties/explore/exploreUipi.ts';

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
