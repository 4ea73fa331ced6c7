/** The counterexample of an exploration as the command line prints it: one formatted event per step. */

import { assertNever } from '../../protocols/controller/model/events.ts';
import { formatEvent } from '../../protocols/controller/model/formatEvent.ts';
import type { Reproduction } from '../../protocols/exploreProtocol.ts';
import { formatSyscallEvent } from '../../protocols/syscall/model/events.ts';
import type { UipiReproduction } from '../../protocols/uipi/engine/exploreUipi.ts';
import { formatUipiEvent } from '../../protocols/uipi/model/events.ts';
import { formatSystemEvent } from '../../protocols/wakeup/model/events.ts';

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
