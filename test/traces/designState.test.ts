/**
 * A design's own state in traces (ControllerDevice.designState, `intcheck::design`): a TAIC trace
 * shows TAIC-only state beside abs() in every state and still reads and replays, and the traces of
 * designs that do not show theirs are written byte for byte as before (the saved ones of the
 * published ATS-INTC designs are rebuilt from a fresh run and compared with the files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findControllerImpl } from '../../protocols/controller/designs/registry.ts';
import { taic } from '../../protocols/controller/designs/taic/taic.ts';
import { runController } from '../../protocols/controller/engine/runController.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import { controllerTrace } from '../../protocols/controller/trace/controllerTrace.ts';
import { readControllerTrace } from '../../protocols/controller/trace/readControllerTrace.ts';
import { parseTrace } from '../../protocols/readTrace.ts';
import { parseItf } from '../../traces/itfTrace.ts';
import { traceToJson } from '../../traces/writeTrace.ts';
import { replayOn } from './replayOn.ts';

const DIR = join(import.meta.dirname, '..', '..', 'traces', 'saved');

describe('a design that shows its own state (TAIC)', () => {
  const events: ControllerEvent[] = [
    { type: 'Enqueue', p: 0, prio: 0, task: 4n },
    { type: 'IrqRegister', p: 0, device: 0, task: 9n },
    { type: 'Irq', line: 0 },
  ];
  const run = runController(SMALL, taic, events, { properties: [] });
  const text = traceToJson(
    controllerTrace({
      cfg: SMALL,
      implementation: 'taic',
      initial: run.initial,
      initialDesign: run.initialDesign,
      steps: run.recorded,
    }),
  );
  const json = JSON.parse(text);

  test('every state has intcheck::design beside the §3 variables', () => {
    expect(json.vars).toContain('intcheck::design');
    for (const s of json.states) expect(Object.keys(s)).toContain('intcheck::design');
  });

  test('it holds what abs() does not: enq_data, the preempt wake raising ssip, the controller state', () => {
    const last = json.states[3]['intcheck::design'];
    expect(last.controller.state).toBe('idle');
    expect(last.gqs[0].enqData).toEqual({ '#bigint': '9' });
    expect(last.gqs[0].ssip).toBe(true);
    expect(last.gqs[0].extSlots).toEqual([{ '#bigint': '0' }, { '#bigint': '0' }]);
  });

  test('a damaged design state is refused, and so is one in the trace of a design that shows none', () => {
    const damaged = JSON.parse(text);
    damaged.states[2]['intcheck::design'].gqs[0].enqData = 'nine';
    expect(() => parseTrace(JSON.stringify(damaged), 'd.itf.json')).toThrow(
      /state 2: intcheck::design\.gqs\[0\]\.enqData: expected an integer, found a string/,
    );
    const other = JSON.parse(text);
    other['#meta'].implementation = 'reference';
    expect(() => parseTrace(JSON.stringify(other), 'r.itf.json')).toThrow(
      /"reference" shows no design state/,
    );
  });

  test('the trace reads and replays as before', () => {
    expect(readControllerTrace(parseItf(text, 'taic.itf.json')).events).toEqual(events);
    const verdict = replayOn(parseTrace(text, 'taic.itf.json')).verdict;
    expect(verdict.ok ? 'passes' : verdict.violation.property).toBe('fifoWithinPriority'); // the preempting wake
  });
});

describe('designs that do not show their own state', () => {
  const saved = readdirSync(DIR).filter((f) => /^controller--ats-intc-(qemu|chisel)--/.test(f));

  test('the saved ATS-INTC traces are there to compare with', () => {
    expect(saved.length).toBeGreaterThan(0);
  });

  test.each(saved)('%s is written byte for byte as it was', (f) => {
    const file = readFileSync(join(DIR, f), 'utf8');
    const parsed = readControllerTrace(parseItf(file, f));
    const impl = findControllerImpl(parsed.implementation);
    if (impl === undefined) throw new Error(`no implementation ${parsed.implementation}`);
    const run = runController(parsed.config, impl, parsed.events, { properties: [] });
    const { source: _s, version: _v, ...meta } = parsed.meta;
    const again = controllerTrace({
      cfg: parsed.config,
      implementation: parsed.implementation,
      ...meta,
      initial: run.initial,
      initialDesign: run.initialDesign,
      steps: run.recorded,
    });
    expect(traceToJson(again)).toBe(file);
  });
});
