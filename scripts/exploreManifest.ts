/**
 * Re-checks every entry of the exploration manifest (protocols/manifest.json) and prints
 * what differs; `--write` regenerates the file from the list below instead. Takes a few minutes:
 * the test suite checks only the entries marked `test`.
 */
import { writeFileSync } from 'node:fs';
import { CONTROLLER_MUTANTS } from '../protocols/controller/mutants/controllerMutants.ts';
import { type ManifestEntry, readManifest, runManifestEntry } from '../protocols/manifest.ts';
import { WAKEUP_MUTANTS } from '../protocols/wakeup/mutants/wakeupMutants.ts';

type Row = Pick<
  ManifestEntry,
  'protocol' | 'preset' | 'impl' | 'profile' | 'maxStates' | 'symmetry' | 'test'
>;

/** The syscall and UIPI entries (the explorer's adapters for them came later; appended by --append). */
const NEW_ROWS: readonly Row[] = [
  { protocol: 'syscall', preset: 'tiny', impl: 'model', test: true },
  { protocol: 'syscall', preset: 'small', impl: 'model', test: false },
  { protocol: 'syscall', preset: 'tiny', impl: 'reference', test: false },
  { protocol: 'syscall', preset: 'small', impl: 'reference', test: false },
  { protocol: 'uipi', preset: 'small', impl: 'model', test: false },
  { protocol: 'uipi', preset: 'skyloft', impl: 'model', test: true },
  { protocol: 'uipi', preset: 'skyloft', impl: 'reference', test: false },
  { protocol: 'uipi', preset: 'skyloft', impl: 'senduipi-never-sets-on', maxStates: 2_000, test: true },
  // taic.md "should satisfy" under the well-formed profile: 272,128 states in some 9 minutes on the shared machine
  { protocol: 'controller', preset: 'small', impl: 'taic', profile: 'well-formed', test: false },
  // symmetry reduction (one state per orbit of interchangeable processes): the reduced counts beside the full ones above
  { protocol: 'controller', preset: 'tiny', impl: 'model', symmetry: true, test: true },
  { protocol: 'controller', preset: 'small', impl: 'model', symmetry: true, test: false },
  // UIPI by orbits of interchangeable CPUs (skyloft2: the Skyloft scenario on two CPUs), the full counts beside
  { protocol: 'uipi', preset: 'skyloft2', impl: 'model', test: true },
  { protocol: 'uipi', preset: 'skyloft2', impl: 'model', symmetry: true, test: true },
  { protocol: 'uipi', preset: 'small', impl: 'model', symmetry: true, test: false },
  // the wakeup model by orbits of its harts (harts2: tiny with two harts), the full counts beside
  { protocol: 'wakeup', preset: 'harts2', impl: 'model', test: true },
  { protocol: 'wakeup', preset: 'harts2', impl: 'model', symmetry: true, test: true },
  { protocol: 'wakeup', preset: 'small', impl: 'model', symmetry: true, test: false },
  // the syscall model by orbits of its dispatchers and its rings' rotations, the full counts beside
  { protocol: 'syscall', preset: 'dispatchers', impl: 'model', test: false },
  { protocol: 'syscall', preset: 'dispatchers', impl: 'model', symmetry: true, test: true },
  { protocol: 'syscall', preset: 'small', impl: 'model', symmetry: true, test: true },
  // the spec's small itself: about a minute
  { protocol: 'syscall', preset: 'spec-small', impl: 'model', symmetry: true, test: false },
  // the controller by orbits of its interrupt lines and IPC types (lines: one process, two of each), the full counts beside
  { protocol: 'controller', preset: 'lines', impl: 'model', test: true },
  { protocol: 'controller', preset: 'lines', impl: 'model', symmetry: true, test: true },
];

/** The entries the manifest records, in order. */
const ROWS: readonly Row[] = [
  { protocol: 'controller', preset: 'tiny', impl: 'model', test: true },
  { protocol: 'controller', preset: 'tiny', impl: 'reference', test: true },
  { protocol: 'controller', preset: 'small', impl: 'model', test: false },
  { protocol: 'controller', preset: 'small', impl: 'reference', test: false },
  { protocol: 'controller', preset: 'small', impl: 'ats-intc-qemu', test: true },
  { protocol: 'controller', preset: 'small', impl: 'ats-intc-chisel', test: true },
  ...CONTROLLER_MUTANTS.map(
    (m): Row => ({ protocol: 'controller', preset: 'small', impl: m.name, maxStates: 3_000, test: false }),
  ),
  { protocol: 'wakeup', preset: 'tiny', impl: 'model', test: true },
  { protocol: 'wakeup', preset: 'tiny', impl: 'reference', test: true },
  { protocol: 'wakeup', preset: 'small', impl: 'model', test: false },
  { protocol: 'wakeup', preset: 'small', impl: 'reference', test: false },
  { protocol: 'wakeup', preset: 'small', impl: 'ats-intc-qemu', test: true },
  { protocol: 'wakeup', preset: 'small', impl: 'ats-intc-chisel', test: true },
  ...WAKEUP_MUTANTS.map(
    (m): Row => ({ protocol: 'wakeup', preset: 'small', impl: m.name, maxStates: 3_000, test: false }),
  ),
  ...CONTROLLER_MUTANTS.map(
    (m): Row => ({ protocol: 'wakeup', preset: 'small', impl: m.name, maxStates: 3_000, test: false }),
  ),
  ...NEW_ROWS,
];

/** Whether a manifest entry is the one of `r` (the same protocol, preset, implementation and symmetry). */
function sameRow(e: Row, r: Row): boolean {
  return (
    e.protocol === r.protocol &&
    e.preset === r.preset &&
    e.impl === r.impl &&
    e.profile === r.profile &&
    (e.symmetry === true) === (r.symmetry === true)
  );
}

const write = process.argv.includes('--write');
const old = write ? undefined : readManifest();
const appendMode = process.argv.includes('--append');
// --append: run only the NEW_ROWS missing from the manifest and add them.
const append = process.argv.includes('--append');
const rows: readonly Row[] = append
  ? NEW_ROWS.filter((r) => !old?.entries.some((e) => sameRow(e, r)))
  : (old?.entries ?? ROWS);
const out: ManifestEntry[] = [];
let differ = 0;
for (const row of rows) {
  const t0 = performance.now();
  const got = runManifestEntry(row);
  out.push(got);
  const want = old?.entries.find((e) => sameRow(e, row));
  const same = want === undefined || JSON.stringify(want) === JSON.stringify(got);
  if (!same) differ++;
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const what = got.verdict === 'violation' ? `${got.property} in ${got.length}` : got.verdict;
  console.log(
    `${same ? ' ' : '✗'} ${row.protocol} ${row.preset} ${row.impl}${row.symmetry === true ? ' (symmetry)' : ''}: ${what}, ${got.distinctStates} states (${s} s)`,
  );
}
if (write || appendMode) {
  const manifest = {
    description:
      'Expected results of intcheck explore per protocol, preset and implementation (regenerate: npx tsx scripts/exploreManifest.ts --write).',
    entries: appendMode ? [...(old?.entries ?? []), ...out] : out,
  };
  writeFileSync(
    new URL('../protocols/manifest.json', import.meta.url),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}
process.exitCode = differ === 0 ? 0 : 1;
