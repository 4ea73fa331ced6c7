/**
 * Writes the counterexample of an exploration as an ITF trace, from the protocol runner's re-run
 * of the BFS-shortest path (so it is the same trace `check` would write for that storm, with
 * `explorer: true` and the depth in `#meta`), and returns its path.
 */
import { join } from 'node:path';
import type { Violation } from '../../engine/property.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import type { Config } from '../controller/model/config/config.ts';
import { controllerTrace } from '../controller/trace/controllerTrace.ts';
import { syscallTrace } from '../syscall/trace/syscallTrace.ts';
import { wakeupTrace } from '../wakeup/trace/wakeupTrace.ts';
import type { Reproduction } from './exploreProtocol.ts';

export function writeExploreTrace(
  out: string,
  preset: string,
  cfg: Config,
  implementation: string,
  v: Violation,
  r: Reproduction,
): string {
  const where = preset.replace(/[^\w.-]+/g, '_');
  const file = join(out, `${r.protocol}--${implementation}--${v.property}--${where}--explore.itf.json`);
  const common = {
    cfg,
    implementation,
    property: v.property,
    message: v.message,
    failingStep: v.step,
    explorer: true,
    depth: r.events.length,
  };
  if (r.protocol === 'controller') {
    const { initial, initialDesign, recorded } = r.run;
    writeTrace(file, controllerTrace({ ...common, initial, initialDesign, steps: recorded }));
  } else if (r.protocol === 'syscall') {
    writeTrace(file, syscallTrace({ ...common, initial: r.run.initial, steps: r.run.recorded }));
  } else {
    writeTrace(file, wakeupTrace({ ...common, initial: r.run.initial, steps: r.run.recorded }));
  }
  return file;
}
