/**
 * UIPI traces: a failing check's trace is written, read back with its own configuration and
 * events (drain steps left to replay), replayed to the same failure on the mutant and to a pass
 * on the reference; malformed UIPI traces are one-line TraceErrors.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/index.ts';
import { findUipiMutant } from '../../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_GUARANTEE_IDS } from '../../../protocols/uipi/properties/index.ts';
import { readUipiTrace } from '../../../protocols/uipi/trace/readUipiTrace.ts';
import { uipiTrace } from '../../../protocols/uipi/trace/uipiTrace.ts';
import { readItf } from '../../../traces/itfTrace.ts';
import { traceToJson, writeTrace } from '../../../traces/writeTrace.ts';
import { SEED } from '../../support/seed.ts';
import { tempDir } from '../../support/tempDir.ts';
import { replayOn } from '../../traces/replayOn.ts';

describe('UIPI traces', () => {
  test('write, read, replay: the same failure on the mutant, a pass on the reference', () => {
    const impl = findUipiMutant('deliver-lowest');
    if (impl === undefined) throw new Error('no mutant');
    const r = checkUipi({ cfg: UIPI_SMALL, impl, runs: 1000, seed: SEED, properties: UIPI_GUARANTEE_IDS });
    if (r.ok) throw new Error('not caught');
    const trace = uipiTrace({
      cfg: UIPI_SMALL,
      implementation: impl.name,
      property: r.failure.violation.property,
      failingStep: r.failure.violation.step,
      initial: r.failure.initial,
      steps: r.failure.recorded,
    });
    const file = join(tempDir('uipi'), 't.itf.json');
    writeTrace(file, trace);
    expect(traceToJson(trace)).toBe(traceToJson(trace));
    const parsed = readUipiTrace(readItf(file));
    expect(parsed.config).toEqual(UIPI_SMALL);
    expect(parsed.events).toEqual(r.counterexample);
    const loaded = readTrace(file);
    expect(loaded.header.protocol).toBe('uipi');
    const again = replayOn(loaded);
    expect(again.verdict.ok).toBe(false);
    if (!again.verdict.ok) expect(again.verdict.violation.property).toBe('uipiPriority');
    expect(again.text()).toContain('✗ still fails on "deliver-lowest": uipiPriority');
    expect(replayOn(loaded, 'reference').verdict.ok).toBe(true);
  });

  test.each([
    [{ cpus: 99 }, [], 'field "cpus": 99 is outside'],
    [
      {},
      [{ 'mbt::actionTaken': 'Send', 'mbt::nondetPicks': { sender: 5, index: 0 } }],
      'state 1: Send: sender 5 is outside 0..1',
    ],
    [{}, [{ 'mbt::actionTaken': 'Sned', 'mbt::nondetPicks': {} }], 'state 1: unknown event "Sned"'],
    [
      {},
      [{ 'mbt::actionTaken': 'Deliver', 'mbt::nondetPicks': {} }],
      'state 1: Deliver: missing pick "receiver"',
    ],
  ])('a malformed trace (%j, %j) is one TraceError line', (config, steps, message) => {
    const file = join(tempDir('uipi'), 'bad.itf.json');
    const json = {
      '#meta': { protocol: 'uipi', config },
      states: [{ 'mbt::actionTaken': 'init' }, ...steps],
    };
    writeFileSync(file, JSON.stringify(json));
    expect(() => readTrace(file)).toThrow(message);
  });
});
