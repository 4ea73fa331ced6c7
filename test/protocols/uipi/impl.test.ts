/**
 * The instruction-level implementation: its bit layouts are the SDM's (UPID word 0: ON bit 0,
 * SN bit 1, NV 23:16, NDST 63:32, PIR in word 1; UITT entry: V bit 0, UV 15:8, target address in
 * word 1), and it refines the model (the refinement map of absUipi.ts) on random storms of every
 * preset, drain included.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { uittEntryAddr, upidAddr } from '../../../protocols/uipi/designs/reference/memory.ts';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { UipiMachine } from '../../../protocols/uipi/designs/reference/uipiMachine.ts';
import { uittWord0 } from '../../../protocols/uipi/designs/reference/uittLayout.ts';
import { upidNdst, upidNv, upidWord0 } from '../../../protocols/uipi/designs/reference/upidLayout.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import { uipiStorm } from '../../../protocols/uipi/engine/uipiStorm.ts';
import { UIPI_PRESETS, UIPI_SMALL } from '../../../protocols/uipi/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';

describe('UIPI bit layouts', () => {
  test('UPID word 0 and UITT word 0 put every field at its SDM bit position', () => {
    expect(upidWord0(true, false, 0, 0)).toBe(1n);
    expect(upidWord0(false, true, 0, 0)).toBe(2n);
    expect(upidWord0(false, false, 0xec, 0)).toBe(0xec_0000n);
    expect(upidWord0(false, false, 0, 3)).toBe(3n << 32n);
    expect(upidNv(0xeb_0003n)).toBe(0xeb);
    expect(upidNdst(0x7_0000_0000n)).toBe(7);
    expect(uittWord0(true, 63)).toBe(0x3f01n);
  });

  test('a SENDUIPI posts into PIR (word 1) and sets ON (bit 0) with one locked update', () => {
    const m = new UipiMachine(UIPI_SMALL);
    expect(m.mem.read(uittEntryAddr(1, 0) + 8n)).toBe(upidAddr(0));
    expect(m.apply({ type: 'Send', sender: 1, index: 0 })).toBe(true);
    expect(m.mem.read(upidAddr(0))).toBe(upidWord0(true, false, 0xec, 0));
    expect(m.mem.read(upidAddr(0) + 8n)).toBe(0b100n);
    expect(m.apply({ type: 'Send', sender: 1, index: 0 })).toBe(false); // it still holds its notification
  });
});

describe('the reference refines the model', () => {
  test.each(Object.keys(UIPI_PRESETS) as (keyof typeof UIPI_PRESETS)[])(
    'on %s storms (every property, drain included)',
    (preset) => {
      const cfg = UIPI_PRESETS[preset];
      fc.assert(
        fc.property(uipiStorm(cfg, { maxEvents: 60 }), (storm) => {
          const r = runUipi(cfg, UIPI_REFERENCE, storm, { record: false });
          if (!r.ok) throw new Error(`${r.violation.property}: ${r.violation.message}`);
        }),
        { seed: SEED, numRuns: runs(preset === 'published' ? 40 : 150) },
      );
    },
  );
});
