/**
 * The register-level stimulus a predictor implies for a storm (`conform --against NAME`): the
 * controller events performed through NAME's driver (its own register map for a design that has
 * one, the reference map otherwise), or a wakeup storm run by the software runtime over NAME's
 * device, each on a fresh device of NAME that records every access. The accesses do not depend
 * on the DUT's replies, so they can be pipelined, and a DUT that behaves as NAME returns exactly
 * what NAME returned. Recording stops at the first access NAME cannot complete: the run ends there.
 */
import { driverOf } from '../../protocols/controller/designs/drive.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import type { SystemEvent } from '../../protocols/wakeup/model/events.ts';
import { SoftwareRuntime } from '../../protocols/wakeup/runtime/softwareRuntime.ts';
import type { ImplPredictor } from './predictor.ts';
import type { DutAccess } from './process/requestLine.ts';
import { AccessLog, recordingView } from './recordingDevice.ts';

/** The closing step of a run: ERROR read through page 0, through the design's driver. */
const CLOSE: ControllerEvent = { type: 'ErrorRead', p: 0 };

/** The accesses `events` (closed by an ERROR read of page 0 unless `close` is false) stand for on `p`'s design. */
export function eventAccesses(
  p: ImplPredictor,
  events: readonly ControllerEvent[],
  close = true,
): DutAccess[] {
  const log = new AccessLog();
  const device = recordingView(p.impl.create(p.cfg), log);
  const driver = driverOf(p.impl);
  for (const e of close ? [...events, CLOSE] : events) {
    driver(p.cfg, device, e);
    if (log.endedAt !== undefined) break;
  }
  return log.stimulus();
}

/** The accesses the software runtime makes over `p`'s design for `storm` (start-up and drain included), closed by an ERROR read unless `close` is false. */
export function runtimeAccesses(p: ImplPredictor, storm: readonly SystemEvent[], close = true): DutAccess[] {
  const log = new AccessLog();
  const device = recordingView(p.impl.create(p.cfg), log);
  const driver = driverOf(p.impl);
  const runtime = new SoftwareRuntime(p.cfg, device, undefined, undefined, driver);
  for (const e of storm) {
    if (log.endedAt !== undefined) break;
    runtime.apply(e);
  }
  if (log.endedAt === undefined) runtime.drain();
  if (close && log.endedAt === undefined) driver(p.cfg, device, CLOSE);
  return log.stimulus();
}
