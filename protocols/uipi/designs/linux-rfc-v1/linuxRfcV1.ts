/**
 * The `linux-rfc-v1` design (spec/uipi-linux.md): the literal receiver-side kernel of the Linux
 * UINTR RFC v1 as posted, on the reference's hardware. It does not refine the model — the
 * reference keeps the repaired switch-in rule and a re-checking uintr_wait, this design keeps the
 * posted code — so it is judged by the guarantees alone, and what they report on it are findings
 * about that code (findings.ts). Its storms include the kernel steps (kernel entry and exit,
 * uintr_wait's enlist, another receiver on an idle CPU), and its check reports both drains.
 */
import { UIPI_DRAINS } from '../../model/config.ts';
import type { UipiImpl } from '../reference/uipiImpl.ts';
import { LinuxRfcV1Machine, linuxRfcV1ConfigError } from './linuxRfcV1Machine.ts';

export const LINUX_RFC_V1: UipiImpl = {
  name: 'linux-rfc-v1',
  description:
    'The Linux UINTR RFC v1 kernel as posted (switch_uintr_return on every exit, PIR check without ON, uintr_wait without re-check, global wait-list wake).',
  expectedViolations: ['uipiNoStuckOn', 'uipiWaitWakes', 'uipiEventuallyDelivered'],
  refines: false,
  create: (cfg) => new LinuxRfcV1Machine(cfg),
  configError: linuxRfcV1ConfigError,
  // Its liveness verdict depends on whether receivers at user level enter the kernel: report both.
  drains: UIPI_DRAINS,
};
