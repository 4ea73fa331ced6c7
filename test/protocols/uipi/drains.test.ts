/**
 * The two named drains of uipiEventuallyDelivered (protocols/uipi/model/drain.ts, UipiConfig.drain):
 * `fair` takes each receiver at user level into the kernel once (and out through its exit
 * steps), `no-kernel-entry` never takes a receiver at user level into the kernel; a receiver
 * already in the kernel leaves it under both. The reference passes the same storms under both;
 * the configuration names its drain and refuses an unknown one.
 */
import { describe, expect, test } from 'vitest';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { runUipi } from '../../../protocols/uipi/engine/runUipi.ts';
import { UIPI_SMALL, type UipiConfig } from '../../../protocols/uipi/model/config.ts';
import { parseUipiConfig, uipiConfigToJson } from '../../../protocols/uipi/model/loadUipiConfig.ts';
import { runs, SEED } from '../../support/seed.ts';

const fair: UipiConfig = UIPI_SMALL;
const noEntry: UipiConfig = { ...UIPI_SMALL, drain: 'no-kernel-entry' };

describe('the named UIPI drains', () => {
  test('fair: one kernel entry per receiver at user level, then its exit; no-kernel-entry: none', () => {
    for (const impl of [undefined, UIPI_REFERENCE]) {
      const a = runUipi(fair, impl, [{ type: 'Send', sender: 0, index: 0 }]);
      const b = runUipi(noEntry, impl, [{ type: 'Send', sender: 0, index: 0 }]);
      expect(a.ok && b.ok).toBe(true);
      const typesA = a.drain?.events.map((e) => e.type) ?? [];
      const typesB = b.drain?.events.map((e) => e.type) ?? [];
      expect(typesA.filter((t) => t === 'KernelEntry')).toHaveLength(fair.receivers);
      expect(typesA.slice(-4)).toEqual(['KernelEntry', 'KernelExit', 'SwitchInClearSn', 'SwitchInCheckPir']);
      expect(typesB).not.toContain('KernelEntry');
      expect(typesB).not.toContain('KernelExit');
    }
  });

  test('a receiver the storm left in the kernel leaves it under both drains', () => {
    for (const cfg of [fair, noEntry]) {
      const r = runUipi(cfg, UIPI_REFERENCE, [
        { type: 'KernelEntry', receiver: 0 },
        { type: 'Send', sender: 0, index: 0 },
      ]);
      expect(r.ok).toBe(true);
      expect(r.drain?.events.map((e) => e.type)).toContain('KernelExit');
      expect(r.final.receivers[0]?.phase).toBe('user');
    }
  });

  test('the reference passes the same storms under no-kernel-entry', () => {
    const r = checkUipi({ cfg: noEntry, impl: UIPI_REFERENCE, runs: runs(200), seed: SEED });
    expect(r.ok).toBe(true);
  });

  test('the configuration names its drain; an unknown drain is refused', () => {
    expect(parseUipiConfig({}).drain).toBe('fair');
    expect(parseUipiConfig({ drain: 'no-kernel-entry' }).drain).toBe('no-kernel-entry');
    expect(uipiConfigToJson(noEntry).drain).toBe('no-kernel-entry');
    expect(() => parseUipiConfig({ drain: 'lazy' })).toThrow(
      'uipi configuration field "drain": expected one of fair, no-kernel-entry, got "lazy"',
    );
  });
});
