/**
 * Writes the saved UIPI counterexamples to traces/saved: each linux-rfc-v1 finding's
 * BFS-shortest trace (protocols/uipi/trace/linuxFindingTrace.ts) and the BFS-shortest
 * trace of a few UIPI mutants on the narrowed small exploration preset (every guarantee judged;
 * the file is named after the property the replay with every property reports first). Prints each
 * file with its note for traces/saved/README.md. Run with `npx tsx scripts/uipiSavedTraces.ts`.
 */
import { join } from 'node:path';
import { LINUX_RFC_V1_FINDINGS } from '../protocols/uipi/designs/linux-rfc-v1/findings.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from '../protocols/uipi/engine/exploreUipi.ts';
import { runUipi } from '../protocols/uipi/engine/runUipi.ts';
import { findUipiMutant } from '../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_GUARANTEE_IDS } from '../protocols/uipi/properties/index.ts';
import { findingTrace } from '../protocols/uipi/trace/linuxFindingTrace.ts';
import { uipiTrace } from '../protocols/uipi/trace/uipiTrace.ts';
import { writeTrace } from '../traces/writeTrace.ts';

const DIR = new URL('../traces/saved/', import.meta.url).pathname;

/** The mutants saved, with what their trace shows. */
const MUTANTS: readonly [string, string][] = [
  [
    'senduipi-forgets-pir',
    'A SENDUIPI that sets ON and notifies but forgets the PIR bit: the vector sent is in neither PIR nor UIRR.',
  ],
  [
    'processing-keeps-on',
    'Notification processing that never clears ON: right after it the receiver runs at user level with ON = 1 and no notification on its way, so later sends notify no one.',
  ],
  [
    'pir-read-then-clear',
    'Processing that reads PIR at "clear ON" and zeroes it at the swap: a send between the two is zeroed unread, so its vector is in neither PIR nor UIRR.',
  ],
  [
    'switch-in-sn-before-ndst',
    'A switch-in that clears SN before re-programming UINV and NDST: notifications are enabled (SN = 0) while the UINV of the receiver’s CPU is still 0.',
  ],
];

for (const f of LINUX_RFC_V1_FINDINGS) {
  const t = findingTrace(f);
  writeTrace(join(DIR, t.file), t.trace);
  console.log(`| \`${t.file}\` | ${f.bug} |`);
}

const small = UIPI_EXPLORE_PRESETS.small;
if (small === undefined) throw new Error('no small UIPI exploration preset');
for (const [name, note] of MUTANTS) {
  const impl = findUipiMutant(name);
  if (impl === undefined) throw new Error(`no UIPI mutant ${name}`);
  const r = exploreUipi({ cfg: small, impl, properties: UIPI_GUARANTEE_IDS });
  if (r.kind !== 'violation') throw new Error(`${name}: no violation (${r.kind})`);
  const full = runUipi(small, impl, r.reproduction.events);
  if (full.ok) throw new Error(`${name}: its run passes with every property`);
  const first = full.violation;
  const file = `uipi--${name}--${first.property}.itf.json`;
  writeTrace(
    join(DIR, file),
    uipiTrace({
      cfg: small,
      implementation: name,
      property: first.property,
      message: first.message,
      failingStep: first.step,
      explorer: true,
      depth: r.reproduction.events.length,
      note,
      initial: full.initial,
      steps: full.recorded,
    }),
  );
  console.log(`| \`${file}\` | ${note} |`);
}
