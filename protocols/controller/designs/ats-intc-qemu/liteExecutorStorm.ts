/**
 * Storms for the QEMU device: the reference storms on what it supports (processes 0–3, through
 * supportedConfig), and, in one storm in five, one raw access somewhere else in its 16 MiB
 * window. The restriction keeps the storms' operations on the pages a system can use; but QEMU
 * routes its whole window to the device (riscv_lite_executor.c:224-225, .h:18), and a page ≥ 16
 * stops it (`assert(process_index < MAX_PROCESS)`, :51, :122): a crash on an address the design
 * exposes is a finding, so the storms reach it. The pages are mostly those just past the
 * configuration (the offline pages 4–15 and the first pages that assert), sometimes any of the
 * 4096; the offset is any aligned one.
 */
import fc from 'fast-check';
import type { Config } from '../../model/config/config.ts';
import { controllerStorm, taskId } from '../../model/controllerEvent.ts';
import type { ControllerEvent } from '../../model/events.ts';
import type { StormOptions } from '../device.ts';
import { LITE } from './liteExecutorDecode.ts';

/** Pages in the window: 4096 of 4 KiB. */
const WINDOW_PAGES = Number(LITE.windowBytes / LITE.pageBytes);

/** A raw 64-bit access at an aligned address of the window, on a page the configuration does not have. */
function windowAccess(cfg: Config): fc.Arbitrary<ControllerEvent> {
  const near = fc.integer({ min: Math.min(cfg.processes, LITE.groups), max: LITE.pages + 3 });
  const page = fc.oneof({ arbitrary: near, weight: 3 }, fc.integer({ min: 0, max: WINDOW_PAGES - 1 }));
  const addr = fc
    .tuple(page, fc.integer({ min: 0, max: Number(LITE.pageBytes) / 8 - 1 }))
    .map(([p, slot]) => cfg.base + BigInt(p) * LITE.pageBytes + BigInt(slot) * 8n);
  return fc.oneof(
    fc.record({ type: fc.constant('Read' as const), addr }),
    fc.record({ type: fc.constant('Write' as const), addr, data: taskId(cfg) }),
  );
}

/** A reference storm of one chunk fewer, with a window access inserted somewhere in one storm in five. */
export function liteExecutorStorm(cfg: Config, opts: StormOptions): fc.Arbitrary<ControllerEvent[]> {
  const storm = controllerStorm(cfg, { maxLength: Math.max(0, (opts.maxLength ?? 80) - 1) });
  const extra = fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.tuple(fc.nat(), windowAccess(cfg)), weight: 1 },
  );
  return fc.tuple(storm, extra).map(([events, x]) => {
    if (x === null) return events;
    const at = x[0] % (events.length + 1);
    return [...events.slice(0, at), x[1], ...events.slice(at)];
  });
}
