/**
 * The TypeScript side of the Quint cross-check, without starting Quint: ITF values as Quint text,
 * structural equality, a trace as a Quint run, the module around it, and how a trace without
 * intcheck's #meta is read.
 */
import { describe, expect, test } from 'vitest';
import { TraceError } from '../../../model/TraceError.ts';
import { runController } from '../../../protocols/controller/engine/runController.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { matchControllerStates } from '../../../protocols/controller/replay/matchControllerStates.ts';
import { replayControllerTrace } from '../../../protocols/controller/replay/replayControllerTrace.ts';
import { controllerTrace } from '../../../protocols/controller/trace/controllerTrace.ts';
import { readControllerTrace } from '../../../protocols/controller/trace/readControllerTrace.ts';
import { protocolOfTrace } from '../../../protocols/readTrace.ts';
import { readWakeupTrace } from '../../../protocols/wakeup/trace/readWakeupTrace.ts';
import { itfEqual } from '../../../traces/itfEqual.ts';
import { parseItf } from '../../../traces/itfTrace.ts';
import { itf } from '../../../traces/itfValue.ts';
import { quintConstants, quintModule } from '../../../traces/quint/quintModule.ts';
import { quintRunOfTrace } from '../../../traces/quint/quintRun.ts';
import { quintText } from '../../../traces/quint/quintText.ts';
import { traceToJson } from '../../../traces/writeTrace.ts';
import { reference } from './support.ts';

const waiter = itf.record([
  ['p', itf.int(0)],
  ['task', itf.int(3)],
]);

describe('ITF values as Quint text', () => {
  test('every kind of value', () => {
    expect(quintText(itf.list([itf.list([]), itf.list([itf.int(3), itf.int(-1)])]))).toBe('[[], [3, -1]]');
    expect(quintText(waiter)).toBe('{ p: 0, task: 3 }');
    expect(quintText(itf.variant('ack'))).toBe('ack');
    expect(quintText(itf.variant('block', itf.int(1)))).toBe('block(1)');
    expect(quintText(itf.str('fetch'))).toBe('"fetch"');
    expect(quintText(itf.bool(false))).toBe('false');
    expect(quintText(itf.set([itf.int(1)]))).toBe('Set(1)');
    expect(quintText(itf.tup([itf.int(1), itf.int(2)]))).toBe('(1, 2)');
  });

  test('equality ignores record field order, not list order', () => {
    const swapped = itf.record([
      ['task', itf.int(3)],
      ['p', itf.int(0)],
    ]);
    expect(itfEqual(waiter, swapped)).toBe(true);
    expect(itfEqual(itf.list([itf.int(1), itf.int(2)]), itf.list([itf.int(2), itf.int(1)]))).toBe(false);
    expect(itfEqual(itf.set([itf.int(1), itf.int(2)]), itf.set([itf.int(2), itf.int(1)]))).toBe(true);
    expect(itfEqual(itf.variant('value', itf.int(1)), itf.variant('value', itf.int(2)))).toBe(false);
  });
});

describe('a trace as a Quint run', () => {
  const events = [
    { type: 'Irq', line: 0 },
    { type: 'IrqRegister', p: 1, device: 0, task: 2n },
    { type: 'Dequeue', p: 1 },
  ] as const;
  const run = runController(SMALL, undefined, events);
  const text = traceToJson(
    controllerTrace({ cfg: SMALL, implementation: 'model', initial: run.initial, steps: run.recorded }),
  );

  test('init, each event as its action, the changed variables and obs expected', () => {
    const q = quintRunOfTrace(text, 'pendingTest', 'C');
    expect(q).toContain('run pendingTest =');
    expect(q).toContain('    C::init\n      .expect(C::ready == [[[], []], [[], []]] and ');
    expect(q).toContain('.then(C::Irq(0))\n      .expect(C::irqPending == [1, 0] and C::obs == ack)');
    expect(q).toContain('.then(C::IrqRegister(1, 0, 2))');
    expect(q).toContain('.then(C::Dequeue(1))');
    expect(q).toContain('C::obs == value(2)');
  });

  test('--match-states: the recorded states agree with the replay, and an altered one is named', () => {
    const matched = (t: string, file: string) => {
      const parsed = readControllerTrace(parseItf(t, file));
      return matchControllerStates(parsed, replayControllerTrace(parsed, reference()));
    };
    expect(matched(text, 't.itf.json')).toBeNull();
    const json = JSON.parse(text) as { states: Record<string, unknown>[] };
    const s2 = json.states[2];
    if (s2 === undefined) throw new Error('no state 2');
    s2.irqPending = [{ '#bigint': '1' }, { '#bigint': '0' }];
    expect(matched(JSON.stringify(json), 'bad.itf.json')).toEqual({
      state: 2,
      message: 'irqPending is [1, 0] in the trace but [0, 0] in implementation "reference"',
    });
  });

  test('an event no Quint action stands for is refused with the state named', () => {
    const bad = text.replace('"Dequeue"', '"Explode"');
    expect(() => quintRunOfTrace(bad, 'x')).toThrow(TraceError);
    expect(() => quintRunOfTrace(bad, 'x')).toThrow('x: state 3: no Quint action for event "Explode"');
  });

  test('the module instantiates each specification with the configuration', () => {
    expect(quintConstants('wakeup', SMALL)).toBe(
      'N = 2, P = 2, C = 3, D = 2, T = 2, B = 2, Q = 2, BASE = 268435456, H = 2, TASKS = 3',
    );
    const m = quintModule(
      'm',
      '../spec/quint',
      [{ spec: 'controller', cfg: SMALL, alias: 'C' }],
      ['  run xTest = C::init'],
    );
    expect(m).toContain(
      'import controller(N = 2, P = 2, C = 3, D = 2, T = 2, B = 2, Q = 2, BASE = 268435456, TASKS = 3) as C from "../spec/quint/controller"',
    );
  });
});

describe('reading a trace another tool wrote', () => {
  /** A one-step trace without intcheck's #meta, its variables qualified as Quint writes them. */
  const foreign = (vars: Record<string, unknown>) =>
    JSON.stringify({
      '#meta': { format: 'ITF', source: 'spec.qnt' },
      vars: Object.keys(vars),
      states: [
        { '#meta': { index: 0 }, ...vars, 'mbt::actionTaken': 'init', 'mbt::nondetPicks': {} },
        {
          '#meta': { index: 1 },
          ...vars,
          'mbt::actionTaken': 'Irq',
          'mbt::nondetPicks': {
            line: { tag: 'Some', value: { '#bigint': '1' } },
            p: { tag: 'None', value: { '#tup': [] } },
          },
        },
      ],
    });

  test('a `harts` variable makes it a wakeup trace; the configuration comes from the caller', () => {
    const itf = parseItf(foreign({ 'm::harts': [], 'm::ready': [] }), 'q.itf.json');
    expect(protocolOfTrace(itf).name).toBe('wakeup');
    const t = readWakeupTrace(itf, SMALL);
    expect(t.config).toBe(SMALL);
    expect(t.events).toEqual([{ type: 'Irq', line: 1 }]);
    expect(t.recordedVars.length).toBe(2);
  });

  test('without `harts` it is a controller trace', () => {
    expect(protocolOfTrace(parseItf(foreign({ 'm::ready': [] }), 'q.itf.json')).name).toBe('controller');
  });
});
