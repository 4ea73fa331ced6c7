/**
 * The seeded bugs of the UIPI implementation (research/uintr-syscall.md §5, M1–M23): each is one
 * switch in impl/uipi that changes one named step. The catalogue (protocols/uipi/mutants/uipiMutants.ts)
 * says what each one is and which property must catch it.
 */
export const UIPI_MUTATIONS = [
  'senduipi-split',
  'senduipi-ignores-sn',
  'senduipi-never-sets-on',
  'senduipi-forgets-pir',
  'drain-before-clear-on',
  'processing-keeps-on',
  'uirr-assigned',
  'pir-read-then-clear',
  'deliver-lowest',
  'deliver-keeps-uif',
  'deliver-keeps-uirr',
  'uiret-keeps-uif-clear',
  'switch-out-no-sn',
  'switch-in-no-pir-check',
  'switch-in-pir-check-first',
  'switch-in-sn-before-ndst',
  'wait-no-recheck',
  'wake-keeps-kernel-nv',
  'skyloft-no-repost',
] as const;
export type UipiMutation = (typeof UIPI_MUTATIONS)[number];
