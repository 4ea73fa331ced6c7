/**
 * The register map of one process page (spec/controller.md §4): offsets, names and directions.
 * A newcomer looking for "where is register X" starts here.
 */

/** Size of one process page. */
export const PAGE_SIZE = 0x1000n;

/** Register offsets inside a page. Indexed registers give the offset of index 0; stride 8. */
export const OFFSET = {
  DEQUEUE: 0x000,
  ENQUEUE: 0x008,
  IPC_SEND: 0x800,
  IPC_REGISTER: 0x808,
  IRQ_REGISTER: 0x900,
  ERROR: 0xf00,
  STATUS: 0xf08,
} as const;

export type RegisterName = keyof typeof OFFSET;

/** How many indices the register map has room for (independent of the configuration). */
export const INDEX_ROOM = {
  /** ENQUEUE_0 … ENQUEUE_254 fill 0x008 … 0x7F8. */
  ENQUEUE: 255,
  /** IPC_REGISTER_0 … IPC_REGISTER_30 fill 0x808 … 0x8F8. */
  IPC_REGISTER: 31,
  /** IRQ_REGISTER_0 … IRQ_REGISTER_191 fill 0x900 … 0xEF8 (ERROR and STATUS sit above). */
  IRQ_REGISTER: 192,
} as const;

/** Which accesses a register accepts. */
export const DIRECTION: Readonly<Record<RegisterName, 'R' | 'W' | 'RW'>> = {
  DEQUEUE: 'R',
  ENQUEUE: 'W',
  IPC_SEND: 'W',
  IPC_REGISTER: 'W',
  IRQ_REGISTER: 'W',
  ERROR: 'R',
  STATUS: 'RW',
};

/** Error register bits (§5). */
export const ERR = {
  QUEUE_FULL: 1,
  WAIT_FULL: 2,
  PENDING_OVERFLOW: 4,
  BAD_ACCESS: 8,
} as const;
export type ErrorBitName = keyof typeof ERR;

/** Names of the bits set in `bits`, lowest first ("QUEUE_FULL|BAD_ACCESS"); "none" for 0. */
export function errorBitNames(bits: number): string {
  const names = (Object.keys(ERR) as ErrorBitName[]).filter((n) => (bits & ERR[n]) !== 0);
  return names.length === 0 ? 'none' : names.join('|');
}
