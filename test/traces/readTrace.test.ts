import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TraceError } from '../../model/TraceError.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { configToJson } from '../../protocols/controller/model/config/loadConfig.ts';
import { controllerTrace } from '../../protocols/controller/trace/controllerTrace.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { traceToJson } from '../../traces/writeTrace.ts';
import { tempDir } from '../support/tempDir.ts';
import { modelRun, SAMPLE_EVENTS } from './modelRun.ts';
import { parseControllerTrace as parseTrace } from './parseControllerTrace.ts';

const META = { protocol: 'controller', implementation: 'reference', config: configToJson(SMALL) };
const INIT = { 'mbt::actionTaken': 'init', 'mbt::nondetPicks': {} };

/** A trace text whose states after the initial one are `steps`. */
const traceText = (steps: readonly unknown[], meta: object = META): string =>
  JSON.stringify({ '#meta': meta, vars: [], states: [INIT, ...steps] });

const some = (n: number | string) => ({ tag: 'Some', value: { '#bigint': String(n) } });

describe('reading traces', () => {
  test('a trace shaped by another tool: qualified names, bare and Some-wrapped picks, plain numbers', () => {
    const text = JSON.stringify({
      '#meta': { format: 'ITF', source: 'intc.qnt', config: { ...configToJson(SMALL) } },
      vars: ['ctrl::ready', 'mbt::actionTaken', 'mbt::nondetPicks'],
      states: [
        {
          '#meta': { index: 0 },
          'ctrl::ready': [
            [[], []],
            [[], []],
          ],
          'mbt::actionTaken': 'init',
          'mbt::nondetPicks': { p: { tag: 'None', value: { '#tup': [] } } },
        },
        {
          'ctrl::ready': [
            [[], [3]],
            [[], []],
          ],
          'mbt::actionTaken': 'Enqueue',
          'mbt::nondetPicks': {
            p: 0,
            prio: some(1),
            task: { '#bigint': '3' },
            line: { tag: 'None', value: {} },
          },
          __cycle: 12,
        },
        { 'mbt::actionTaken': 'Irq', 'mbt::nondetPicks': { line: some(1) } },
        { 'spec::mbt::actionTaken': 'Dequeue', 'spec::mbt::nondetPicks': { p: 0 } },
      ],
    });
    const parsed = parseTrace(text, 'quint.itf.json');
    expect(parsed.protocol).toBe('controller');
    expect(parsed.implementation).toBe('reference');
    expect(parsed.config).toEqual(SMALL);
    expect(parsed.meta.source).toBe('intc.qnt');
    expect(parsed.events).toEqual([
      { type: 'Enqueue', p: 0, prio: 1, task: 3n },
      { type: 'Irq', line: 1 },
      { type: 'Dequeue', p: 0 },
    ]);
    // Only ready is present, so no state is decoded (they are for display only).
    expect(parsed.states).toEqual([null, null, null, null]);
    expect(parsed.observations).toEqual([null, null, null, null]);
  });

  test('our own trace rewritten in the dialect of another tool reads back the same', () => {
    const run = modelRun(SMALL, SAMPLE_EVENTS);
    const ours = traceToJson(controllerTrace({ cfg: SMALL, implementation: 'reference', ...run }));
    /** Plain numbers for #bigint, bare picks, and every state variable qualified as `ctrl::name`. */
    const dialect = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(dialect);
      if (typeof v !== 'object' || v === null) return v;
      const o = v as Record<string, unknown>;
      if (typeof o['#bigint'] === 'string') return Number(o['#bigint']);
      if (o.tag === 'Some') return dialect(o.value);
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dialect(x)]));
    };
    const json = JSON.parse(ours);
    json.states = json.states.map((st: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(st).map(([k, x]) => [
          k.includes('::') || k.startsWith('#') ? k : `ctrl::${k}`,
          dialect(x),
        ]),
      ),
    );
    const theirs = parseTrace(JSON.stringify(json), 'theirs.itf.json');
    const mine = parseTrace(ours, 'ours.itf.json');
    expect(theirs.events).toEqual(mine.events);
    expect(theirs.states).toEqual(mine.states);
    expect(theirs.observations).toEqual(mine.observations);
    expect(theirs.states[1]).toEqual(run.steps[0]?.state);
  });

  test('#meta provenance is read back', () => {
    const meta = {
      ...META,
      property: 'p',
      message: 'm',
      failingStep: 2,
      seed: -7,
      path: '1:2',
      note: 'n',
      version: '9',
    };
    const parsed = parseTrace(traceText([], meta), 'x');
    expect(parsed.meta).toEqual({
      property: 'p',
      message: 'm',
      failingStep: 2,
      seed: -7,
      path: '1:2',
      note: 'n',
      version: '9',
    });
    expect(parseTrace(traceText([], { ...META, explorer: true, depth: 4 }), 'x').meta).toEqual({
      explorer: true,
      depth: 4,
    });
  });

  test('a missing file is a TraceError naming it', () => {
    const dir = tempDir('read');
    expect(() => readTrace(join(dir, 'none.itf.json'))).toThrow(
      new TraceError(`${join(dir, 'none.itf.json')}: cannot read (ENOENT)`),
    );
    writeFileSync(
      join(dir, 'ok.itf.json'),
      traceText([{ 'mbt::actionTaken': 'Dequeue', 'mbt::nondetPicks': { p: 1 } }]),
    );
    expect(readTrace(join(dir, 'ok.itf.json')).header.events).toEqual([{ type: 'Dequeue', p: 1 }]);
  });

  const enqueue = (task: unknown) => ({
    'mbt::actionTaken': 'Enqueue',
    'mbt::nondetPicks': { p: 0, prio: 0, task },
  });
  const cases: [string, string, string][] = [
    ['not JSON', '{"states": [', 'trace.itf.json: not JSON ('],
    ['not an object', '[1, 2]', 'trace.itf.json: not ITF (not a JSON object)'],
    ['no states', '{"vars": []}', 'trace.itf.json: not ITF (no "states" array)'],
    ['empty states', '{"states": []}', 'trace.itf.json: not ITF ("states" is empty: no initial state)'],
    [
      'unknown protocol',
      traceText([], { ...META, protocol: 'foo' }),
      'trace.itf.json: unknown protocol "foo"',
    ],
    [
      'bad configuration',
      traceText([], { ...META, config: { processes: 0 } }),
      'trace.itf.json: #meta: configuration field "processes": 0 is outside the allowed 1..4096',
    ],
    [
      'unknown event',
      traceText([enqueue(1), enqueue(2), { 'mbt::actionTaken': 'Enqeue', 'mbt::nondetPicks': {} }]),
      'trace.itf.json: state 3: unknown event "Enqeue"',
    ],
    ['no action', traceText([{ ready: [] }]), 'trace.itf.json: state 1: no "mbt::actionTaken"'],
    [
      'missing pick',
      traceText([{ 'mbt::actionTaken': 'Enqueue', 'mbt::nondetPicks': { p: 0, prio: some(0) } }]),
      'trace.itf.json: state 1: Enqueue: missing pick "task"',
    ],
    [
      'None pick',
      traceText([
        { 'mbt::actionTaken': 'Dequeue', 'mbt::nondetPicks': { p: { tag: 'None', value: { '#tup': [] } } } },
      ]),
      'trace.itf.json: state 1: Dequeue: missing pick "p"',
    ],
    [
      'out-of-range line',
      traceText([enqueue(1), { 'mbt::actionTaken': 'Irq', 'mbt::nondetPicks': { line: some(7) } }]),
      'trace.itf.json: state 2: interrupt line 7 is outside 0..1',
    ],
    [
      'bad bigint',
      traceText([enqueue({ '#bigint': '12x' })]),
      'trace.itf.json: state 1: mbt::nondetPicks.task: bad #bigint "12x"',
    ],
    [
      'task id of 2^64',
      traceText([enqueue(some('18446744073709551616'))]),
      'trace.itf.json: state 1: task 18446744073709551616 is not a 64-bit value',
    ],
    ['negative task id', traceText([enqueue(-1)]), 'trace.itf.json: state 1: task -1 is not a 64-bit value'],
    [
      'huge index',
      traceText([{ 'mbt::actionTaken': 'Dequeue', 'mbt::nondetPicks': { p: some('99999999999999999999') } }]),
      'trace.itf.json: state 1: Dequeue: pick "p" 99999999999999999999 is far outside any index',
    ],
    [
      'non-integer pick',
      traceText([{ 'mbt::actionTaken': 'Dequeue', 'mbt::nondetPicks': { p: 'zero' } }]),
      'trace.itf.json: state 1: Dequeue: pick "p" is not an integer',
    ],
    ['state not an object', traceText([3]), 'trace.itf.json: state 1: not an object'],
    [
      'malformed state variable',
      traceText([
        {
          ...enqueue(1),
          ready: 1,
          irqWait: [],
          irqPending: [],
          ipcWait: [],
          ipcPending: [],
          online: [],
          error: 0,
        },
      ]),
      'trace.itf.json: state 1: ready: expected a list',
    ],
  ];
  for (const [name, text, message] of cases) {
    test(`refuses: ${name}`, () => {
      let error: unknown;
      try {
        parseTrace(text, 'trace.itf.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TraceError);
      const m = (error as TraceError).message;
      expect(m.slice(0, message.length)).toBe(message);
      expect(m).not.toContain('\n');
    });
  }
});
