/** Fresh coverage counters for a check of a protocol (in this thread or in a worker). */

import { controllerCoverage } from './controllerCoverage.ts';
import type { Coverage } from './coverage.ts';
import { syscallCoverage } from './syscallCoverage.ts';
import { uipiCoverage } from './uipiCoverage.ts';
import { wakeupCoverage } from './wakeupCoverage.ts';

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
