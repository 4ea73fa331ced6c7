import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import {
  decodeAccess,
  decodeAddress,
  encodeOperation,
  registerAddress,
  toOperation,
} from '../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { runs, SEED } from '../../../support/seed.ts';

const cfg = SMALL; // N=2, P=2, D=2, T=2
const base = cfg.base;
const page = (p: number) => base + BigInt(p) * 0x1000n;

describe('decodeAddress: (process, register, index)', () => {
  test.each([
    [page(0), 0, 'DEQUEUE', 0],
    [page(1) + 0x008n, 1, 'ENQUEUE', 0],
    [page(1) + 0x010n, 1, 'ENQUEUE', 1],
    [page(0) + 0x800n, 0, 'IPC_SEND', 0],
    [page(0) + 0x810n, 0, 'IPC_REGISTER', 1],
    [page(1) + 0x908n, 1, 'IRQ_REGISTER', 1],
    [page(1) + 0xf00n, 1, 'ERROR', 0],
    [page(0) + 0xf08n, 0, 'STATUS', 0],
  ])('%s → page %i %s_%i', (addr, p, reg, index) => {
    expect(decodeAddress(cfg, addr)).toEqual({ ok: true, p, reg, index });
  });
});

describe('every wrong access of controller.md §4.3 is recognised', () => {
  const cases: [string, ControllerEvent, string][] = [
    ['address below base', { type: 'Read', addr: base - 8n }, 'outsideRange'],
    ['address at base + N pages', { type: 'Read', addr: page(cfg.processes) }, 'outsideRange'],
    ['address 0', { type: 'Write', addr: 0n, data: 1n }, 'outsideRange'],
    ['unaligned address', { type: 'Read', addr: page(0) + 4n }, 'unaligned'],
    ['unaligned write', { type: 'Write', addr: page(0) + 0x9n, data: 1n }, 'unaligned'],
    ['unmapped offset 0xF10', { type: 'Read', addr: page(0) + 0xf10n }, 'unmapped'],
    ['unmapped offset 0xFF8', { type: 'Write', addr: page(1) + 0xff8n, data: 1n }, 'unmapped'],
    ['priority ≥ P', { type: 'Write', addr: page(0) + 0x008n + 8n * 2n, data: 1n }, 'priority'],
    ['priority 254 (last ENQUEUE slot)', { type: 'Write', addr: page(0) + 0x7f8n, data: 1n }, 'priority'],
    ['device ≥ D', { type: 'Write', addr: page(0) + 0x900n + 8n * 2n, data: 1n }, 'device'],
    ['device 191', { type: 'Write', addr: page(0) + 0xef8n, data: 1n }, 'device'],
    ['IPC_REGISTER type ≥ T', { type: 'Write', addr: page(0) + 0x808n + 8n * 2n, data: 1n }, 'ipcType'],
    ['IPC_SEND type ≥ T', { type: 'Write', addr: page(0) + 0x800n, data: (2n << 32n) | 0n }, 'ipcType'],
    ['IPC_SEND process ≥ N', { type: 'Write', addr: page(0) + 0x800n, data: (0n << 32n) | 2n }, 'sendTarget'],
    ['read of ENQUEUE (write-only)', { type: 'Read', addr: page(0) + 0x008n }, 'readOfWriteOnly'],
    ['read of IPC_SEND', { type: 'Read', addr: page(0) + 0x800n }, 'readOfWriteOnly'],
    ['read of IPC_REGISTER', { type: 'Read', addr: page(0) + 0x808n }, 'readOfWriteOnly'],
    ['read of IRQ_REGISTER', { type: 'Read', addr: page(0) + 0x900n }, 'readOfWriteOnly'],
    ['write of DEQUEUE (read-only)', { type: 'Write', addr: page(0), data: 5n }, 'writeOfReadOnly'],
    ['write of ERROR (read-only)', { type: 'Write', addr: page(0) + 0xf00n, data: 5n }, 'writeOfReadOnly'],
    ['task 0 to ENQUEUE', { type: 'Write', addr: page(0) + 0x008n, data: 0n }, 'zeroTask'],
    ['task 0 to IRQ_REGISTER', { type: 'Write', addr: page(0) + 0x900n, data: 0n }, 'zeroTask'],
    ['task 0 to IPC_REGISTER', { type: 'Write', addr: page(0) + 0x808n, data: 0n }, 'zeroTask'],
    ['Enqueue operation at priority ≥ P', { type: 'Enqueue', p: 0, prio: 2, task: 1n }, 'priority'],
    ['Enqueue operation on page ≥ N', { type: 'Enqueue', p: 2, prio: 0, task: 1n }, 'outsideRange'],
    ['IrqRegister operation on device ≥ D', { type: 'IrqRegister', p: 0, device: 5, task: 1n }, 'device'],
    ['IpcSend operation to process ≥ N', { type: 'IpcSend', p: 0, ipcType: 0, target: 9 }, 'sendTarget'],
    ['Dequeue operation on page ≥ N', { type: 'Dequeue', p: 3 }, 'outsideRange'],
  ];
  test.each(cases)('%s', (_name, event, reason) => {
    const op = toOperation(cfg, event);
    expect(op).toMatchObject({ type: 'BadAccess', reason });
  });

  test('valid operations decode to themselves, and send data splits into (type, process)', () => {
    expect(toOperation(cfg, { type: 'Write', addr: page(1) + 0x800n, data: (1n << 32n) | 1n })).toEqual({
      type: 'IpcSend',
      p: 1,
      ipcType: 1,
      target: 1,
    });
    expect(toOperation(cfg, { type: 'Write', addr: page(0) + 0x800n, data: 0n })).toEqual({
      type: 'IpcSend',
      p: 0,
      ipcType: 0,
      target: 0,
    });
    const e: ControllerEvent = { type: 'Enqueue', p: 1, prio: 1, task: 7n };
    expect(toOperation(cfg, e)).toBe(e);
  });
});

/** Operation-level events with any field values the register map can hold. */
function operationEvent(maxP: number) {
  const p = fc.integer({ min: 0, max: maxP });
  const task = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }));
  return fc.oneof(
    fc.record({ type: fc.constant('Dequeue' as const), p }),
    fc.record({ type: fc.constant('ErrorRead' as const), p }),
    fc.record({ type: fc.constant('StatusRead' as const), p }),
    fc.record({ type: fc.constant('StatusWrite' as const), p, data: fc.bigInt({ min: 0n, max: 7n }) }),
    fc.record({ type: fc.constant('Enqueue' as const), p, prio: fc.integer({ min: 0, max: 254 }), task }),
    fc.record({
      type: fc.constant('IrqRegister' as const),
      p,
      device: fc.integer({ min: 0, max: 191 }),
      task,
    }),
    fc.record({
      type: fc.constant('IpcRegister' as const),
      p,
      ipcType: fc.integer({ min: 0, max: 30 }),
      task,
    }),
    fc.record({
      type: fc.constant('IpcSend' as const),
      p,
      ipcType: fc.integer({ min: 0, max: 40 }),
      target: fc.integer({ min: 0, max: 40 }),
    }),
  );
}

describe('encodeOperation and decodeAccess agree', () => {
  test.each([
    ['small', SMALL],
    ['published', PUBLISHED],
  ])('an operation event means exactly the access it encodes to (%s)', (_n, c) => {
    fc.assert(
      fc.property(operationEvent(c.processes + 1), (e) => {
        const access = encodeOperation(c, e);
        if (access.type === 'Irq') throw new Error('not an access');
        expect(decodeAccess(c, access)).toEqual(toOperation(c, e));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });
  test('registerAddress is where decodeAddress finds the register', () => {
    expect(decodeAddress(PUBLISHED, registerAddress(PUBLISHED, 15, 'IRQ_REGISTER', 5))).toEqual({
      ok: true,
      p: 15,
      reg: 'IRQ_REGISTER',
      index: 5,
    });
  });
});
