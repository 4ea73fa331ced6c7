/**
 * A DUT is untrusted (spec/dut-protocol.md): every misbehaviour ends in a report whose first line
 * names the run, the step and the request, the process killed and reaped, the run shrunk as far
 * as the DUT allows and its trace saved, and exit 1 (2 when `hello` fails), never a hang or a
 * stack trace. Each case is a scripted fake DUT; these misbehave at an access counted over the
 * whole conversation, so a replay after a restart does not fail again and says so
 * (shrinkThroughFailures.test.ts has the ones that do).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { BUGGY, FAKE, gone, pidIn, runMain, tempDir } from './runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The reply timeout where a test waits for it to expire (a DUT that never answers: waited twice,
 * once in the run and once in its replay after the restart). 1.5 s, as the start timeout below:
 * a reply of the fake takes milliseconds, and each 3 s waited was 3 s of a worker idle.
 */
const WAITED_TIMEOUT_MS = 1500;
/** The reply timeout elsewhere, where no test waits for it: only a bound on a reply. */
const TIMEOUT_MS = 3000;

/**
 * `conform` against the fake in `mode`, misbehaving at access `at`, with its pid recorded, with
 * `timeoutMs` for each reply.
 */
async function conformFake(
  mode: string,
  at: number,
  extra: readonly string[] = [],
  timeoutMs: number = TIMEOUT_MS,
) {
  const pidFile = join(dir, `${mode}-${at}.pid`);
  const out = join(dir, mode);
  const run = await runMain([
    'conform',
    '--dut',
    `python3 -S ${FAKE} ${mode} ${at} ${pidFile}`,
    '--preset',
    'small',
    '--runs',
    '30',
    '--timeout-ms',
    String(timeoutMs),
    '--out',
    out,
    ...extra,
  ]);
  return { run, pid: pidIn(pidFile), out };
}

/** [mode, what the one line must say]. */
const MISBEHAVIOURS: readonly (readonly [string, RegExp])[] = [
  ['bad-json', /reply is not one line of valid JSON: "this is not json"/],
  ['wrong-shape', /reply has no "ok": true or false/],
  ['not-object', /reply is not a JSON object/],
  ['ok-false', /the DUT answered "ok": false: "cannot simulate this access"/],
  ['timeout', new RegExp(`no reply within ${WAITED_TIMEOUT_MS} ms`)],
  ['exit', /the DUT exited with code 0/],
  ['crash', /the DUT crashed \(killed by SIGSEGV\)/],
  ['close', /the DUT closed its standard output/],
  ['huge', /a reply line longer than 1 MiB/],
];

describe.concurrent('conform --dut: a misbehaving DUT', () => {
  // The tests that wait out a timeout or a slow start first: at most five tests run at once, so
  // one declared last would start its waits after the others had ended.
  test('a DUT behind a compound shell command: the whole process group is killed', async () => {
    const pidFile = join(dir, 'compound.pid');
    const dut = `echo starting >&2; python3 -S ${FAKE} timeout 5 ${pidFile}; echo never`;
    const run = await runMain([
      'conform',
      '--dut',
      dut,
      '--preset',
      'small',
      '--runs',
      '30',
      '--timeout-ms',
      String(WAITED_TIMEOUT_MS),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(
      new RegExp(`step \\d+, request \\{"op":.*no reply within ${WAITED_TIMEOUT_MS} ms`),
    );
    expect(await gone(pidIn(pidFile))).toBe(true);
  });

  test('a slow start within --start-timeout-ms is fine even beyond --timeout-ms', async () => {
    // a start longer than the reply timeout (by half a second), far within the start timeout
    const { run } = await conformFake(
      'slow-start',
      WAITED_TIMEOUT_MS + 500,
      ['--start-timeout-ms', '15000'],
      WAITED_TIMEOUT_MS,
    );
    expect(run.code).toBe(0);
  });

  test.each(MISBEHAVIOURS)(
    '%s: one line naming the step and the request, child reaped, exit 1',
    async (mode, says) => {
      const { run, pid, out } = await conformFake(
        mode,
        5,
        [],
        mode === 'timeout' ? WAITED_TIMEOUT_MS : TIMEOUT_MS,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toEqual([]);
      const line = run.stdout[0] ?? '';
      expect(line).toMatch(
        /^✗ dut python-reference \/ small: run [1-9]\d*, step \d+, request \{"op":"(read|write|irq)"/,
      );
      expect(line).toMatch(says);
      if (mode === 'crash')
        expect(run.stdout).toContain('  DUT stderr: Segmentation fault in the simulated bus model');
      expect(run.stdout.at(-1)).toBe('dut python-reference: 1 configuration checked, 0 skipped, 0 refused');
      expect(await gone(pid)).toBe(true);
      const trace = join(out, 'dut--python-reference--small.itf.json');
      expect(existsSync(trace)).toBe(true);
      const parsed = readTrace(trace).header;
      expect(parsed.implementation).toBe('dut:python-reference');
      expect(parsed.meta.note).toMatch(/^run [1-9]\d* of seed 42, shrunk from \d+ to \d+ requests/);
      expect(parsed.meta.failingStep).toBe(parsed.events.length - 1);
    },
  );

  test('extra output lines are caught as garbage at a later step', async () => {
    const { run, pid } = await conformFake('extra', 5);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(/step \d+, request \{"op":/);
    expect(await gone(pid)).toBe(true);
  });

  test('stderr noise is the DUT log: a flood does not block it, and it conforms', async () => {
    const { run, pid } = await conformFake('noise', 0);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^✓ dut python-reference \/ small: 30 runs conform/);
    expect(await gone(pid)).toBe(true);
  });

  test('a start slower than --start-timeout-ms: hello fails, exit 2, child reaped', async () => {
    const { run, pid } = await conformFake('slow-start', 20000, ['--start-timeout-ms', '1500']);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(
      /^intcheck: DUT ".*": hello failed, request \{"op":"hello"\}: no reply within 1500 ms$/,
    );
    expect(await gone(pid)).toBe(true);
  });

  test('a wrong hello reply: exit 2', async () => {
    const { run, pid } = await conformFake('bad-hello', 0);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/hello failed.*protocol "some-other\/9", not "intcheck-dut\/1"/);
    expect(await gone(pid)).toBe(true);
  });

  test('a command that does not exist: hello fails with its exit status, exit 2', async () => {
    const run = await runMain(['conform', '--dut', 'no-such-simulator --flag', '--preset', 'small']);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/hello failed, request \{"op":"hello"\}: the DUT exited with code 127/);
  });

  test('a refused configuration is skipped with a note, not counted as a pass', async () => {
    const pidFile = join(dir, 'refuse.pid');
    const run = await runMain([
      'conform',
      '--dut',
      `python3 -S ${FAKE} refuse-big 0 ${pidFile}`,
      '--runs',
      '20',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^✓ dut python-reference \/ small: 20 runs conform/);
    expect(run.stdout[1]).toMatch(
      /^⚠ dut python-reference \/ published: skipped, not counted as a pass: the DUT refused/,
    );
    expect(run.stdout[2]).toBe('dut python-reference: 1 configuration checked, 0 skipped, 1 refused');
    expect(await gone(pidIn(pidFile))).toBe(true);
  });

  test('every configuration refused: nothing was checked, exit 2', async () => {
    const run = await runMain(['conform', '--dut', `python3 -S ${FAKE} refuse-all`, '--runs', '5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual(['intcheck: the DUT refused every configuration: nothing was checked']);
  });

  test('replay --dut on a misbehaving DUT: one line, exit 1, child reaped', async () => {
    const out = join(dir, 'replay-src');
    const found = await runMain([
      'conform',
      '--dut',
      BUGGY,
      '--preset',
      'small',
      '--runs',
      '100',
      '--out',
      out,
    ]);
    expect(found.code).toBe(1);
    const trace = join(out, 'dut--python-buggy--small.itf.json');
    const pidFile = join(dir, 'replay.pid');
    const run = await runMain(['replay', trace, '--dut', `python3 -S ${FAKE} crash 1 ${pidFile}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toHaveLength(1);
    expect(run.stdout[0]).toMatch(
      /^✗ replay of .* on "dut:python-reference": step 1, request \{"op":.*the DUT crashed/,
    );
    expect(await gone(pidIn(pidFile))).toBe(true);
  });

  test('--dut and --trace together, or neither: exit 2', async () => {
    expect((await runMain(['conform'])).code).toBe(2);
    expect((await runMain(['conform', '--dut', 'x', '--trace', 'y'])).code).toBe(2);
    const bad = await runMain(['conform', '--dut', 'x', '--window', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr[0]).toMatch(/--window: 0 is outside 1\.\.4096/);
  });
});
