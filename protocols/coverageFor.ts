/** Fresh coverage counters for a check of a protocol (in this thread or in a worker). */

import type { Coverage } from '../engine/coverage/coverage.ts';
import { controllerCoverage } from './controller/engine/controllerCoverage.ts';
import { syscallCoverage } from './syscall/engine/syscallCoverage.ts';
import { uipiCoverage } from './uipi/engine/uipiCoverage.ts';
import { wakeupCoverage } from './wakeup/engine/wakeupCoverage.ts';

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
