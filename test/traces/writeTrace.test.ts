import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { controllerStorm } from '../../protocols/controller/model/controllerEvent.ts';
import { controllerTrace } from '../../protocols/controller/trace/controllerTrace.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { traceToJson, writeTrace } from '../../traces/writeTrace.ts';
import { runs, SEED } from '../support/seed.ts';
import { tempDir } from '../support/tempDir.ts';
import { modelRun, SAMPLE_EVENTS } from './modelRun.ts';
import { parseControllerTrace as parseTrace } from './parseControllerTrace.ts';

const sample = () =>
  controllerTrace({
    cfg: SMALL,
    implementation: 'reference',
    property: 'strictPriority',
    message: 'DEQUEUE returned 0x3 of priority 1 while priority 0 held 0x2',
    failingStep: 7,
    seed: 42,
    path: '3:1:0',
    note: 'hand-made sample',
    ...modelRun(SMALL, SAMPLE_EVENTS),
  });

describe('writing traces', () => {
  test('the same trace gives the same bytes, in files too', () => {
    const dir = tempDir('trace');
    writeTrace(join(dir, 'a.itf.json'), sample());
    writeTrace(join(dir, 'b.itf.json'), sample());
    const a = readFileSync(join(dir, 'a.itf.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.itf.json'), 'utf8')).toBe(a);
    expect(a).toBe(traceToJson(sample()));
    expect(a.endsWith('}\n')).toBe(true);
  });

  test('an atomic write leaves no temporary file behind, and overwrites in place', () => {
    const dir = tempDir('trace');
    const file = join(dir, 'nested', 'controller--reference--x.itf.json');
    writeTrace(file, sample());
    writeTrace(file, sample());
    expect(readdirSync(join(dir, 'nested'))).toEqual(['controller--reference--x.itf.json']);
  });

  test('#meta carries provenance in a fixed order, without timestamps', () => {
    const json = JSON.parse(traceToJson(sample()));
    expect(Object.keys(json)).toEqual(['#meta', 'vars', 'states']);
    expect(json['#meta']).toEqual({
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source: 'intcheck',
      version: TOOL_VERSION,
      formatVersion: 1,
      protocol: 'controller',
      implementation: 'reference',
      config: { ...json['#meta'].config },
      property: 'strictPriority',
      message: 'DEQUEUE returned 0x3 of priority 1 while priority 0 held 0x2',
      failingStep: 7,
      seed: 42,
      path: '3:1:0',
      note: 'hand-made sample',
    });
    expect(Object.keys(json['#meta'])[6]).toBe('implementation');
    expect(json['#meta'].config.base).toBe('0x10000000');
    expect(json.vars).toEqual([
      'ready',
      'irqWait',
      'irqPending',
      'ipcWait',
      'ipcPending',
      'online',
      'error',
      'intcheck::obs',
      'mbt::actionTaken',
      'mbt::nondetPicks',
    ]);
    expect(json.states).toHaveLength(SAMPLE_EVENTS.length + 1);
  });

  test('explorer traces carry explorer and depth instead of seed and path', () => {
    const t = controllerTrace({
      cfg: SMALL,
      implementation: 'reference',
      explorer: true,
      depth: 6,
      ...modelRun(SMALL, []),
    });
    const meta = JSON.parse(traceToJson(t))['#meta'];
    expect(meta.explorer).toBe(true);
    expect(meta.depth).toBe(6);
    expect('seed' in meta || 'path' in meta).toBe(false);
  });

  test('state 0 is the initial state and each later state holds one step', () => {
    const text = traceToJson(sample());
    const states = JSON.parse(text).states;
    expect(states[0]).toEqual({
      '#meta': { index: 0 },
      ready: [
        [[], []],
        [[], []],
      ],
      irqWait: [[], []],
      irqPending: [{ '#bigint': '0' }, { '#bigint': '0' }],
      ipcWait: [
        [[], []],
        [[], []],
      ],
      ipcPending: [
        [{ '#bigint': '0' }, { '#bigint': '0' }],
        [{ '#bigint': '0' }, { '#bigint': '0' }],
      ],
      online: [true, false],
      error: { '#bigint': '0' },
      'intcheck::obs': { tag: 'none', value: { '#tup': [] } },
      'mbt::actionTaken': 'init',
      'mbt::nondetPicks': {},
    });
    expect(states[1]['mbt::actionTaken']).toBe('Enqueue');
    expect(states[1]['mbt::nondetPicks']).toEqual({
      p: { tag: 'Some', value: { '#bigint': '0' } },
      prio: { tag: 'Some', value: { '#bigint': '1' } },
      task: { tag: 'Some', value: { '#bigint': '3' } },
    });
    expect(states[1].ready[0][1]).toEqual([{ '#bigint': '3' }]);
    expect(states[2].irqWait[0]).toEqual([{ p: { '#bigint': '1' }, task: { '#bigint': '2' } }]);
    expect(states[8]['intcheck::obs']).toEqual({ tag: 'value', value: { '#bigint': '3' } });
    expect(text).toContain('\n  "states": [\n    {\n      "#meta": {"index": 0},\n');
  });

  test('write then read gives back the events, states and observations of any storm', () => {
    fc.assert(
      fc.property(controllerStorm(SMALL, { maxLength: 30 }), (events) => {
        const run = modelRun(SMALL, events);
        const text = traceToJson(controllerTrace({ cfg: SMALL, implementation: 'reference', ...run }));
        const parsed = parseTrace(text, 't.itf.json');
        expect(parsed.events).toEqual(events);
        expect(parsed.config).toEqual(SMALL);
        expect(parsed.states).toEqual([run.initial, ...run.steps.map((s) => s.state)]);
        expect(parsed.observations).toEqual([null, ...run.steps.map((s) => s.obs)]);
        expect(traceToJson(controllerTrace({ cfg: SMALL, implementation: 'reference', ...run }))).toBe(text);
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});
