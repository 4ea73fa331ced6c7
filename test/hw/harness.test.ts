/**
 * The Verilator harness (hw/sim/intc_dut.cpp) as a protocol endpoint, with its own command line:
 * hello, reset with a preset, pipelined requests answered in order, `ok: false` with a reason
 * for everything it cannot execute (malformed JSON, an unknown op, a missing field, a line ≥ D,
 * an access before any reset, a line over 1 MiB), `bye`; `--list-bugs`, `--bug` with an unknown
 * name (exit 2 and the list on stderr), and a waveform only when `--vcd` asks for one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHarness, HW_DUT } from '../../scripts/hw/hw.ts';
import { parseBugList } from '../../scripts/hw/rtlBugs.ts';
import { tempDir } from '../engine/dut/runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildHarness(), 600_000);

const SMALL = {
  processes: 2,
  priorities: 2,
  capacity: 3,
  devices: 2,
  ipcTypes: 2,
  waitDepth: 2,
  pendingMax: 2,
  base: '0x10000000',
  harts: 2,
  ringSlots: 2,
};
const RESET = JSON.stringify({ op: 'reset', config: SMALL });

/** Runs the harness with `args` on `lines` (one request each); its exit code, replies and stderr. */
function converse(lines: readonly string[], args: readonly string[] = []) {
  const r = spawnSync(HW_DUT, args, { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, replies: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr };
}

describe('the harness speaks intcheck-dut/1', () => {
  test('hello, reset, pipelined requests in order, bye', () => {
    const r = converse([
      '{"op":"hello"}',
      RESET,
      '{"op":"write","addr":"0x10000010","data":"0x2"}',
      '{"op":"write","addr":"0x10000008","data":"0xabcdef0123456789"}',
      '{"op":"read","addr":"0x10000000"}',
      '{"op":"read","addr":"0x10000000"}',
      '{"op":"read","addr":"0x10000000"}',
      '{"op":"write","addr":"0x10000004","data":"0x1"}',
      '{"op":"read","addr":"0x10000F00"}',
      '{"op":"read","addr":"0x10001f08"}',
      '{"op":"irq","line":1}',
      '{"op":"bye"}',
      '{"op":"hello"}',
    ]);
    expect(r.code).toBe(0);
    expect(r.replies).toEqual([
      '{"ok":true,"name":"intc-rtl","protocol":"intcheck-dut/1"}',
      '{"ok":true}',
      '{"ok":true}',
      '{"ok":true}',
      '{"ok":true,"data":"0xabcdef0123456789"}',
      '{"ok":true,"data":"0x2"}',
      '{"ok":true,"data":"0x0"}',
      '{"ok":true}',
      '{"ok":true,"data":"0x8"}',
      '{"ok":true,"data":"0x0"}',
      '{"ok":true}',
      '{"ok":true}',
    ]);
  });

  test('every request it cannot execute gets ok:false with the reason, and the conversation goes on', () => {
    const r = converse([
      '{"op":"read","addr":"0x10000000"}',
      'not json',
      '{"op":"read","addr":"0x10000000",}',
      '[1,2]',
      '{"op":"dance"}',
      '{"addr":"0x10000000"}',
      '{"op":"reset"}',
      JSON.stringify({ op: 'reset', config: { ...SMALL, capacity: 4 } }),
      RESET,
      '{"op":"read"}',
      '{"op":"read","addr":"0x1x"}',
      '{"op":"read","addr":"0x10000000000000000"}',
      '{"op":"write","addr":"0x10000008"}',
      '{"op":"irq","line":2}',
      '{"op":"irq","line":"0"}',
      'x'.repeat(1_100_000),
      '{"op":"read","addr":"0x10000f08"}',
    ]);
    expect(r.code).toBe(0);
    const errors = r.replies.map((l) => (JSON.parse(l) as { ok: boolean; error?: string }).error ?? 'ok');
    expect(errors).toEqual([
      'no configuration yet: send reset first',
      'malformed JSON: expected an object at column 1',
      'malformed JSON: expected a string at column 34',
      'malformed JSON: expected an object at column 1',
      'unknown op "dance"',
      'request has no "op"',
      'reset needs a "config" object',
      expect.stringMatching(
        /^this build of intc_top is elaborated for the small preset \(.*\) only, not for .*capacity 4/,
      ),
      'ok',
      'read needs "addr"',
      'field "addr" is not a 64-bit hex string',
      'field "addr" is not a 64-bit hex string',
      'write needs "data"',
      'no such interrupt line 2 (the configuration has 2)',
      'field "line" must be a number',
      'request line longer than 1 MiB',
      'ok',
    ]);
  });

  test('--list-bugs names every bug with one sentence; formal-only ones are marked', () => {
    const r = spawnSync(HW_DUT, ['--list-bugs'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const bugs = parseBugList(r.stdout);
    expect(bugs.length).toBeGreaterThanOrEqual(10);
    for (const b of bugs) {
      expect(b.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(b.description).toMatch(/^[A-Z].*\.$/);
    }
    expect(bugs.filter((b) => !b.formalOnly).length).toBeGreaterThanOrEqual(8);
  });

  test('--bug with an unknown name exits 2 with the list on stderr; a known one renames the DUT', () => {
    const bad = spawnSync(HW_DUT, ['--bug', 'no-such-bug'], { input: '', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown bug "no-such-bug"/);
    expect(bad.stderr).toMatch(/^waiter-pop-tail /m);
    const ok = converse(['{"op":"hello"}'], ['--bug', 'waiter-pop-tail']);
    expect(ok.replies[0]).toBe(
      '{"ok":true,"name":"intc-rtl-bug-waiter-pop-tail","protocol":"intcheck-dut/1"}',
    );
    expect(spawnSync(HW_DUT, ['--frobnicate'], { encoding: 'utf8' }).status).toBe(2);
  });

  test('a waveform is written only when --vcd asks for one', () => {
    const vcd = join(dir, 'w.vcd');
    converse([RESET, '{"op":"read","addr":"0x10000000"}', '{"op":"bye"}']);
    expect(existsSync(vcd)).toBe(false);
    const r = converse([RESET, '{"op":"read","addr":"0x10000000"}', '{"op":"bye"}'], ['--vcd', vcd]);
    expect(r.code).toBe(0);
    const text = readFileSync(vcd, 'utf8');
    expect(text).toMatch(/\$var wire +64 \S+ rsp_rdata_o \[63:0\] \$end/);
    expect(text).toMatch(/\$timescale 1ns \$end/);
  });
});
