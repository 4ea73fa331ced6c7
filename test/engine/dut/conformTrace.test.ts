/**
 * `conform --trace FILE.jsonl`: a recorded conversation is checked offline with the same
 * comparison; a difference or a protocol failure names its line (exit 1), and malformed input
 * names its line too (exit 2).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain, tempDir } from './runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = {
  processes: 2,
  priorities: 2,
  capacity: 3,
  devices: 2,
  ipcTypes: 2,
  waitDepth: 2,
  pendingMax: 2,
};
const rec = (req: object, rep: object) => JSON.stringify({ req, rep });
const OK = { ok: true };
const GOOD_LOG = [
  rec({ op: 'hello' }, { ok: true, name: 'recorded', protocol: 'intcheck-dut/1' }),
  rec({ op: 'reset', config: SMALL }, OK),
  rec({ op: 'irq', line: 0 }, OK),
  rec({ op: 'write', addr: '0x10000900', data: '0x1' }, OK),
  rec({ op: 'read', addr: '0x10000000' }, { ok: true, data: '0x1' }),
  rec({ op: 'write', addr: '0x10000ff0', data: '0x1' }, OK),
  rec({ op: 'read', addr: '0x10000F00' }, { ok: true, data: '0X8', extra: 'ignored' }),
  rec({ op: 'bye' }, OK),
];

function logFile(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('conform --trace', () => {
  test('a conforming log passes', async () => {
    const run = await runMain(['conform', '--trace', logFile('good.jsonl', GOOD_LOG)]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/8 requests in 1 runs conform/);
  });

  test('a wrong read names its line, the step, the request and both values', async () => {
    const lines = [...GOOD_LOG];
    lines[4] = rec({ op: 'read', addr: '0x10000000' }, { ok: true, data: '0x0' });
    const run = await runMain(['conform', '--trace', logFile('wrong.jsonl', lines)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([
      expect.stringMatching(
        /line 5: step 2 \(DEQUEUE on page 0\), request \{"op":"read","addr":"0x10000000"\}: expected 0x1, actual 0x0$/,
      ),
    ]);
  });

  test('a missing error bit names the earliest step that should have set it', async () => {
    const lines = [...GOOD_LOG];
    lines[6] = rec({ op: 'read', addr: '0x10000f00' }, { ok: true, data: '0x0' });
    const run = await runMain(['conform', '--trace', logFile('bits.jsonl', lines)]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(
      /expected 0x8 \(BAD_ACCESS\), actual 0x0 \(none\); earliest step .* BAD_ACCESS: step 3$/,
    );
  });

  test('ok:false to an access is a protocol failure of the recorded design', async () => {
    const lines = [...GOOD_LOG];
    lines[3] = rec({ op: 'write', addr: '0x10000900', data: '0x1' }, { ok: false, error: 'nope' });
    const run = await runMain(['conform', '--trace', logFile('refused.jsonl', lines)]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(/line 4: step 1, request .*"ok": false: "nope"/);
  });

  test.each([
    ['not JSON', '{"req":', /line 3: not valid JSON/],
    ['no rep', '{"req":{"op":"read","addr":"0x0"}}', /line 3: expected an object \{"req": …, "rep": …\}/],
    ['a bad address', rec({ op: 'read', addr: 12 }, OK), /line 3: "addr" is not a hex string/],
    ['an unknown op', rec({ op: 'poke' }, OK), /line 3: unknown op "poke"/],
    [
      'a bad config',
      rec({ op: 'reset', config: { processes: 0 } }, OK),
      /line 3: configuration field "processes"/,
    ],
  ])('malformed input (%s): exit 2 naming the line', async (_what, line, says) => {
    const lines = [...GOOD_LOG.slice(0, 2), line, ...GOOD_LOG.slice(2)];
    const run = await runMain(['conform', '--trace', logFile('bad.jsonl', lines)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(says);
  });

  test('an access before any reset, and a missing file: exit 2', async () => {
    const early = await runMain(['conform', '--trace', logFile('early.jsonl', [GOOD_LOG[2] ?? ''])]);
    expect(early.code).toBe(2);
    expect(early.stderr[0]).toMatch(
      /line 1: an irq before any reset|line 1: an access before any accepted reset/,
    );
    const missing = await runMain(['conform', '--trace', join(dir, 'missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr[0]).toMatch(/cannot read \(ENOENT\)/);
  });
});
