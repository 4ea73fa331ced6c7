/** Fresh coverage counters for a check of a protocol (in this thread or in a worker). */

import { controllerCoverage } from '../../protocols/controller/engine/controllerCoverage.ts';
import { syscallCoverage } from '../../protocols/syscall/engine/syscallCoverage.ts';
import { uipiCoverage } from '../../protocols/uipi/engine/uipiCoverage.ts';
import { wakeupCoverage } from '../../protocols/wakeup/engine/wakeupCoverage.ts';
import type { Coverage } from './coverage.ts';

/** The counters of `protocol`'s check. */
export function coverageFor(protocol: 'controller' | 'wakeup' | 'syscall' | 'uipi'): Coverage {
  switch (protocol) {
    case 'controller':
      return controllerCoverage();
    case 'wakeup':
      return wakeupCoverage();
    case 'syscall':
      return syscallCoverage();
    case 'uipi':
      return uipiCoverage();
  }
}
