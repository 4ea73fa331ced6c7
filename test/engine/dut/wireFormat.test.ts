/**
 * The wire format on its own (spec/dut-protocol.md): requests written lowercase without leading
 * zeros, replies validated against the request they answer, the stderr tail bounded.
 */
import { describe, expect, test } from 'vitest';
import { parseReply } from '../../../engine/dut/process/parseReply.ts';
import { requestLine } from '../../../engine/dut/process/requestLine.ts';
import { StderrTail } from '../../../engine/dut/process/stderrTail.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';

const READ = { type: 'Read', addr: 0x1000_0f00n } as const;
const WRITE = { type: 'Write', addr: 0x1000_0008n, data: 0n } as const;

describe('the DUT wire format', () => {
  test('requests: hex lowercase without leading zeros, config with the §1 names', () => {
    expect(requestLine(READ)).toBe('{"op":"read","addr":"0x10000f00"}');
    expect(requestLine(WRITE)).toBe('{"op":"write","addr":"0x10000008","data":"0x0"}');
    expect(requestLine({ type: 'Irq', line: 1 })).toBe('{"op":"irq","line":1}');
    expect(requestLine({ op: 'hello' })).toBe('{"op":"hello"}');
    const reset = JSON.parse(requestLine({ op: 'reset', cfg: SMALL })) as { config: Record<string, unknown> };
    expect(reset.config.processes).toBe(2);
    expect(reset.config.base).toBe('0x10000000');
  });

  test('replies: data in either case, 1 to 16 digits; unknown fields ignored', () => {
    expect(parseReply('{"ok":true,"data":"0xAbC","x":1}', READ)).toEqual({ kind: 'data', data: 0xabcn });
    expect(parseReply('{"ok":true,"data":"0xffffffffffffffff"}', READ)).toEqual({
      kind: 'data',
      data: (1n << 64n) - 1n,
    });
    expect(parseReply('{"ok":true}', WRITE)).toEqual({ kind: 'ack' });
    expect(parseReply('{"ok":false,"error":"no"}', WRITE)).toEqual({ kind: 'refused', error: 'no' });
  });

  test.each([
    ['{"ok":true,"data":"0x10000000000000000"}', 'shape'],
    ['{"ok":true,"data":"12"}', 'shape'],
    ['{"ok":true,"data":12}', 'shape'],
    ['{"ok":true}', 'shape'],
    ['{"ok":false}', 'shape'],
    ['{"data":"0x1"}', 'shape'],
    ['"ok"', 'shape'],
    ['{"ok":true,', 'json'],
    ['', 'json'],
  ])('a read answered %s is malformed (%s)', (line, what) => {
    const r = parseReply(line, READ);
    expect(r.kind).toBe('malformed');
    expect(r.kind === 'malformed' ? r.what : '').toBe(what);
  });

  test('hello must name the protocol', () => {
    expect(parseReply('{"ok":true,"name":"x","protocol":"intcheck-dut/1"}', { op: 'hello' })).toEqual({
      kind: 'hello',
      name: 'x',
    });
    expect(parseReply('{"ok":true,"name":"x"}', { op: 'hello' }).kind).toBe('malformed');
  });

  test('the stderr tail keeps the last lines, each cut, however much is written', () => {
    const tail = new StderrTail();
    for (let i = 0; i < 1000; i++) tail.push(`line ${i}\n`);
    tail.push(`${'x'.repeat(100_000)}\nlast words`);
    const last = tail.last();
    expect(last).toHaveLength(5);
    expect(last.at(-1)).toBe('last words');
    expect(last.every((l) => l.length <= 201)).toBe(true);
  });
});
