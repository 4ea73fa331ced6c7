/**
 * The predictor side of `--against` without a process: a design with its own driver has its
 * storms lowered to the accesses its driver makes on its own device, recording stops at the first
 * access it cannot complete, and the scoreboard predicts a step before its reply is scored.
 */
import { describe, expect, test } from 'vitest';
import { dutPredictor, type ImplPredictor } from '../../../engine/dut/predictor.ts';
import { eventAccesses } from '../../../engine/dut/predictorAccesses.ts';
import { Scoreboard } from '../../../engine/dut/scoreboard.ts';
import type { ControllerDevice, ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { drive } from '../../../protocols/controller/designs/drive.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../protocols/controller/model/decode.ts';
import type { Observation } from '../../../protocols/controller/model/result.ts';

const STATUS0 = registerAddress(SMALL, 0, 'STATUS');
const DEQ0 = registerAddress(SMALL, 0, 'DEQUEUE');

/** The reference, except that it aborts on any write to STATUS and its driver reads STATUS before every event. */
const ownMap: ControllerImpl = {
  ...referenceImpl,
  name: 'own-map',
  create: (cfg) => {
    const inner = referenceImpl.create(cfg);
    const abort: Observation = { kind: 'abort' };
    const d: ControllerDevice = {
      read: (a) => inner.read(a),
      write: (a, v) => (a === STATUS0 ? abort : inner.write(a, v)),
      irq: (l) => inner.irq(l),
      abs: () => inner.abs(),
    };
    return d;
  },
  drive: (cfg, device, e) => {
    device.read(registerAddress(cfg, 0, 'STATUS'));
    return drive(cfg, device, e);
  },
};

const predictor: ImplPredictor = { name: 'own-map', cfg: SMALL, impl: ownMap };

describe('the predictor of conform --against', () => {
  test("a design with its own driver: the accesses are its driver's, closed by its ERROR read", () => {
    const accesses = eventAccesses(predictor, [{ type: 'Enqueue', p: 0, prio: 0, task: 5n }]);
    expect(accesses).toEqual([
      { type: 'Read', addr: STATUS0 },
      { type: 'Write', addr: registerAddress(SMALL, 0, 'ENQUEUE', 0), data: 5n },
      { type: 'Read', addr: STATUS0 },
      { type: 'Read', addr: registerAddress(SMALL, 0, 'ERROR') },
    ]);
  });

  test('recording stops at the first access the design cannot complete', () => {
    const accesses = eventAccesses(predictor, [
      { type: 'Dequeue', p: 0 },
      { type: 'Write', addr: STATUS0, data: 1n },
      { type: 'Dequeue', p: 0 },
    ]);
    expect(accesses).toEqual([
      { type: 'Read', addr: STATUS0 },
      { type: 'Read', addr: DEQ0 },
      { type: 'Read', addr: STATUS0 },
      { type: 'Write', addr: STATUS0, data: 1n },
    ]);
  });

  test('the scoreboard predicts ahead: the ending step is known before its reply', () => {
    const board = new Scoreboard(predictor, true);
    expect(board.expect({ type: 'Read', addr: DEQ0 })).toEqual({ kind: 'value', value: 0n });
    expect(board.score(0, { type: 'Read', addr: DEQ0 }, 0n)).toBeNull();
    expect(board.expect({ type: 'Write', addr: STATUS0, data: 1n }).kind).toBe('abort');
    expect(board.steps).toHaveLength(1);
  });

  test('an implementation is checked on the configuration it supports; unknown names are undefined', () => {
    expect(dutPredictor('ats-intc-qemu', { ...SMALL, processes: 6 })?.cfg.processes).toBe(4);
    expect(dutPredictor('reference', SMALL)?.impl).toBeUndefined();
    expect(dutPredictor('no-such-design', SMALL)).toBeUndefined();
  });
});
