/** Fresh coverage counters for a check of a protocol (in this thread or in a worker). */

import { controllerCoverage } from './controllerCoverage.ts';
import type { Coverage } from './coverage.ts';
import { syscallCoverage } from './syscallCoverage.ts';
import { wakeupCoverage } from './wakeupCoverage.ts';

/** The counters of `protocol`'s check. */
export function coverageFor(protocol: 'controller' | 'wakeup' | 'syscall'): Coverage {
  if (protocol === 'syscall') return syscallCoverage();
  return protocol === 'controller' ? controllerCoverage() : wakeupCoverage();
}
