/**
 * TAIC (`taic-repo/taic-rocket-chip@8ede103`, spec/taic.md, controller.md §7) as a named
 * implementation: the register-level device at TAIC's own map, its driver and decoding, its
 * storms and the `well-formed` profile for what taic.md says it should satisfy.
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerImpl } from '../device.ts';
import { taicFindingProperties } from './findings.ts';
import { wellFormedAlphabet } from './taicAlphabet.ts';
import { taicDecode } from './taicDecode.ts';
import { TaicDevice } from './taicDevice.ts';
import { taicDrive } from './taicDriver.ts';
import { GQ_NUM, LQ_NUM } from './taicMap.ts';
import { fillStorm, taicStorm, wellFormedStorm } from './taicStorm.ts';
import { fillEnabled, wellFormedEnabled } from './wellFormed.ts';

/** Why TAIC cannot express `cfg` (taic.md *Parameters*), or null. */
function taicConfigError(cfg: Config): string | null {
  if (cfg.processes > GQ_NUM)
    return `N = ${cfg.processes} processes, but TAIC holds at most ${GQ_NUM} online (one per global queue)`;
  if (cfg.priorities > LQ_NUM)
    return `P = ${cfg.priorities} priorities, but a TAIC global queue has ${LQ_NUM} local queues`;
  if (cfg.capacity < 2) return `C = ${cfg.capacity}: a local queue's count has ⌈log2 C⌉ bits, none at C = 1`;
  return null;
}

/** The "should satisfy" list of taic.md, checked under the `well-formed` profile. */
const TAIC_SHOULD_SATISFY = [
  'strictPriority',
  'wakePriority',
  'noSpuriousWakeup',
  'processIsolation',
  'capacityBound',
  'fifoWithinPriority',
  'emptyMeansEmpty',
  'fifoWaiters',
] as const;

/** What still holds when a process may fill its global queue (checked under the `fill` profile). */
const TAIC_FILL_HOLDS = ['neverStalls', 'definedBehaviour'] as const;

export const taic: ControllerImpl = {
  name: 'taic',
  description:
    'TAIC RTL (taic-rocket-chip 8ede103): 4 global queues of 8 local queues over one DataArray each, one-shot slots and capabilities, per-queue errors.',
  // the properties of its findings (findings.ts), saved or not
  expectedViolations: taicFindingProperties(),
  // TAIC refuses what it cannot express (configError) rather than running a restricted configuration.
  supports: {
    processes: Number.POSITIVE_INFINITY,
    priorities: Number.POSITIVE_INFINITY,
    devices: Number.POSITIVE_INFINITY,
    // One slot per (GQ, line) and no pending counters: B = 1 by design (taic.md *Parameters*; X:25).
    waitDepth: 1,
    refines: false,
  },
  configError: taicConfigError,
  create: (cfg) => {
    const why = taicConfigError(cfg);
    if (why !== null) throw new Error(`taic: ${why}`);
    return TaicDevice.booted(cfg);
  },
  drive: taicDrive,
  decode: taicDecode,
  storm: taicStorm,
  alphabet: wellFormedAlphabet,
  profiles: {
    'well-formed': {
      description:
        'no preempt or keep bit, no id 0, no process holding C, one waiter per line and per (process, type), sends to a registered receiver, STATUS←0 of an empty process (taic.md "Should satisfy"; wellFormed.ts says why)',
      storm: wellFormedStorm,
      alphabet: wellFormedAlphabet,
      enabled: wellFormedEnabled,
      holds: TAIC_SHOULD_SATISFY,
    },
    fill: {
      description:
        'the well-formed discipline without its capacity condition: a process may fill its global queue (taic.md must-finds at C: the wrapped local-queue count, the wake into a full queue)',
      storm: fillStorm,
      alphabet: wellFormedAlphabet,
      enabled: fillEnabled,
      holds: TAIC_FILL_HOLDS,
    },
  },
};
