/**
 * Shrinking survives the DUT (issue #16): fake DUTs that crash, hang or reply garbage on a
 * particular request only after a prefix (reproducibly, counted from each reset) are restarted
 * at every failing candidate, and the run is shrunk to exactly that prefix and request; a design
 * that diverges and dies of it later is shrunk to the short divergence, although candidates keep
 * killing, hanging or garbling it. The restarts are counted, capped, and a DUT that cannot be
 * restarted stops the shrinking with the reason.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { FAKE, GOOD, runMain, tempDir } from './runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a `conform --json` result these tests read. */
interface Result {
  readonly verdict: string;
  readonly run: number;
  readonly step: number;
  readonly kind?: string;
  readonly request?: string;
  readonly detail?: string;
  readonly message: string;
  readonly stderr?: readonly string[];
  readonly length: number;
  readonly foundLength: number;
  readonly shrinkRestarts: number;
  readonly restarts: number;
  readonly counterexample: readonly string[];
  readonly trace: string;
  readonly note?: string;
}

/** `conform --json` against the fake in `mode` with argument `n`. */
async function conformFake(mode: string, n: number, extra: readonly string[] = []) {
  const out = join(dir, `${mode}-${n}-${extra.join('')}`);
  const run = await runMain([
    'conform',
    '--dut',
    `python3 -S ${FAKE} ${mode} ${n}`,
    '--preset',
    'small',
    '--runs',
    '100',
    '--timeout-ms',
    '400',
    '--out',
    out,
    '--json',
    ...extra,
  ]);
  const report = JSON.parse(run.stdout.join('\n')) as {
    ok: boolean;
    results: Result[];
    configurations: unknown;
  };
  const r = report.results[0];
  if (r === undefined) throw new Error('no result');
  return { run, report, r };
}

const ENQUEUE = /^Write\(addr=0x10000(0[0-7][0-9a-f]|00[0-9a-f]{2}|1[0-7][0-9a-f]{2}), data=0x[0-9a-f]+\)$/;

describe.concurrent('conform --dut: shrinking through a DUT that dies, hangs or garbles', () => {
  test('a sanitizer crash at the 4th enqueue: shrunk to those 4 writes, diagnosis quoted, replayable', async () => {
    const { run, report, r } = await conformFake('asan-after', 4);
    expect(run.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(r.verdict).toBe('failure');
    expect(r.kind).toBe('exit');
    expect(r.detail).toBe('the DUT exited with code 1');
    expect(r.length).toBe(4);
    expect(r.step).toBe(3);
    expect(r.counterexample).toHaveLength(4);
    for (const e of r.counterexample) expect(e).toMatch(ENQUEUE);
    expect(r.request).toMatch(/^\{"op":"write","addr":"0x1000/);
    expect(r.message).toMatch(
      new RegExp(`^run ${r.run}, step 3, request \\{"op":"write".*: the DUT exited with code 1$`),
    );
    expect(r.run).toBeGreaterThanOrEqual(1);
    expect(r.shrinkRestarts).toBeGreaterThan(0);
    expect(r.restarts).toBeGreaterThanOrEqual(r.shrinkRestarts);
    expect(r.note).toBeUndefined();
    expect(r.stderr?.[0]).toMatch(/^==\d+==ERROR: AddressSanitizer: heap-buffer-overflow/);
    expect(r.stderr?.[1]).toMatch(/^SUMMARY: AddressSanitizer: heap-buffer-overflow/);
    const parsed = readTrace(r.trace).header;
    expect(parsed.events).toHaveLength(4);
    expect(parsed.meta.failingStep).toBe(3);
    expect(parsed.meta.message).toMatch(/exited with code 1 \(DUT stderr: "==\d+==ERROR: AddressSanitizer/);
    const again = await runMain(['replay', r.trace, '--dut', `python3 -S ${FAKE} asan-after 4`]);
    expect(again.code).toBe(1);
    expect(again.stdout[0]).toMatch(/step 3, request \{"op":"write".*the DUT exited with code 1/);
    expect((await runMain(['replay', r.trace, '--dut', GOOD])).code).toBe(0);
  });

  test('the text report names run, step, request and exit, then the diagnosis', async () => {
    const out = join(dir, 'text');
    const run = await runMain([
      'conform',
      '--dut',
      `python3 -S ${FAKE} asan-after 2`,
      '--preset',
      'small',
      '--runs',
      '100',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(
      /^✗ dut python-reference \/ small: run [1-9]\d*, step 1, request \{"op":"write".*\}: the DUT exited with code 1 \(shrunk \d+ times from \d+ to 2 accesses; the DUT was restarted (once|\d+ times) while shrinking\) \[seed 42\]$/,
    );
    expect(run.stdout[1]).toMatch(/^ {2}DUT stderr: ==\d+==ERROR: AddressSanitizer/);
    expect(run.stdout[2]).toMatch(/^ {2}DUT stderr: SUMMARY: AddressSanitizer/);
    expect(run.stdout).toContain('  counterexample:');
    expect(run.stdout.at(-1)).toBe('dut python-reference: 1 configuration checked, 0 skipped, 0 refused');
  });

  test.each([
    ['hang-after', 'timeout', /^no reply within 400 ms$/],
    ['garbage-after', 'json', /^reply is not one line of valid JSON: "<<garbage from the simulator>>"$/],
  ])('%s 3: shrunk to the 3 enqueues, the third unanswered', async (mode, kind, detail) => {
    const { run, r } = await conformFake(mode, 3);
    expect(run.code).toBe(1);
    expect(r.verdict).toBe('failure');
    expect(r.kind).toBe(kind);
    expect(r.detail).toMatch(detail);
    expect(r.counterexample).toHaveLength(3);
    for (const e of r.counterexample) expect(e).toMatch(ENQUEUE);
    expect(r.shrinkRestarts).toBeGreaterThan(0);
    expect(r.note).toBeUndefined();
  });

  test.each(['crash', 'hang', 'garbage'])(
    'diverges, then %s later: shrunk to the 2-step divergence through the candidates it kills',
    async (how) => {
      const { run, r } = await conformFake(`diverge-then-${how}`, 2);
      expect(run.code).toBe(1);
      expect(r.verdict).toBe('mismatch');
      expect(r.note).toBeUndefined();
      expect(r.counterexample).toHaveLength(2);
      expect(r.counterexample[0]).toMatch(ENQUEUE);
      expect(r.counterexample[1]).toBe('Read(addr=0x10000000)');
      expect(r.message).toMatch(/DEQUEUE on page 0\), request .*: expected 0x\w+, actual 0x0$/);
      expect(r.foundLength).toBeGreaterThan(2);
      expect(r.shrinkRestarts).toBeGreaterThan(0);
    },
  );

  test('the restart cap stops shrinking and says so', async () => {
    const { run, r } = await conformFake('asan-after', 4, ['--max-restarts', '1']);
    expect(run.code).toBe(1);
    expect(r.verdict).toBe('failure');
    expect(r.note).toBe(
      'shrinking stopped early: the DUT was restarted 1 times after failing, the cap (--max-restarts 1)',
    );
    expect(r.shrinkRestarts).toBe(1);
  });

  test('a DUT that cannot be restarted stops the shrinking with its hello failure', async () => {
    const flag = join(dir, 'started-once');
    const dut = `if [ -e ${flag} ]; then echo "licence server unreachable" >&2; exit 3; fi; touch ${flag}; exec python3 -S ${FAKE} asan-after 3`;
    const run = await runMain(['conform', '--dut', dut, '--preset', 'small', '--runs', '50', '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(/step 2, request \{"op":"write".*the DUT exited with code 1/);
    expect(run.stdout).toContain(
      `  shrinking stopped early: the DUT could not be restarted: DUT "${dut}": hello failed, request {"op":"hello"}: the DUT exited with code 3 (DUT stderr: "licence server unreachable")`,
    );
  });
});
