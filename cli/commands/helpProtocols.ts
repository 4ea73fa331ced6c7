/**
 * The protocols and their designs as the help text lists them, written out so that `intcheck
 * --help` starts without loading every protocol (issue 20: under 200 ms from the installed
 * package). test/cli/helpProtocols.test.ts keeps it equal to protocols/index.ts.
 */
import type { HelpProtocol } from './commandContext.ts';

const DESIGNS = ['reference', 'ats-intc-qemu', 'ats-intc-chisel', 'taic'];

export const HELP_PROTOCOLS: readonly HelpProtocol[] = [
  { name: 'controller', designs: DESIGNS },
  { name: 'wakeup', designs: DESIGNS },
  { name: 'syscall', designs: DESIGNS },
  { name: 'uipi', designs: ['reference', 'linux-rfc-v1'] },
];
