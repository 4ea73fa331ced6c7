/**
 * Exit codes (cli/errors.ts): bad input is exit 2 with its one line, whatever class of bad input
 * and even when it crossed a worker thread (its name survives, its class does not); anything else
 * is an internal error: exit 70, the first line of its message, and where to report it.
 */
import { describe, expect, test } from 'vitest';
import { describeError, EXIT } from '../../cli/errors.ts';
import { BadInput, UsageError } from '../../model/badInput.ts';
import { ConfigError } from '../../model/configFile.ts';
import { TraceError } from '../../model/TraceError.ts';

describe('describeError', () => {
  test.each([
    new UsageError('--runs: expected a whole number, got "x"'),
    new ConfigError('config.json: capacity: 0 is outside 1..65536'),
    new TraceError('t.itf.json: state 3: unknown event "Nope"'),
    new BadInput('dut: the DUT said hello twice'),
  ])('bad input ($name) is exit 2 and its message', (e) => {
    expect(describeError(e)).toEqual({ line: e.message, code: EXIT.badInput });
  });

  test('bad input that crossed a worker thread keeps its name, and stays bad input', () => {
    const crossed = Object.assign(new Error('--config: unreadable\nmore'), { name: 'ConfigError' });
    expect(describeError(crossed)).toEqual({ line: '--config: unreadable', code: 2 });
  });

  test('anything else is an internal error: exit 70, one line, where to report it', () => {
    const r = describeError(
      new TypeError("Cannot read properties of undefined (reading 'x')\n    at f (a.ts:1:1)"),
    );
    expect(r.code).toBe(70);
    expect(r.line).toMatch(
      /^internal error: Cannot read properties of undefined \(reading 'x'\) \(a bug in intcheck, not in your input: please report it to .*\)$/,
    );
    expect(describeError('a string').code).toBe(70);
  });
});
