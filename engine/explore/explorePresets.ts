/**
 * The configurations `intcheck explore --preset NAME` explores, per protocol. The wakeup system is
 * explored on the `small` preset itself (69,532 distinct states). The controller on its own, with
 * every operation on every page open at every step, has no useful bound at `small` (the four
 * error bits, six pending counters and ten FIFOs multiply to 10,898,794,944 states, reachableStateCount.ts, beyond any
 * explicit-state checker in a minute), so its `small` exploration keeps two processes and two
 * priorities, the parts the ordering properties are about, and narrows the rest to one line, one
 * IPC type, one task id, capacity 2, wait depth 1 and pending counters saturating at 1: every
 * rule of §4–§5 (refusals, saturation, wakes, errors) is still reachable in a few steps.
 * The syscall system at `small` (two service dispatchers, two callers, two ring slots: 6,949,360
 * states as the explorer keys them, the ghost's request instances included, 2,336,784 model
 * states; each with its §6 drain for everyRequestAnswered) takes minutes without symmetry, so its
 * `small` exploration keeps the two-slot ring (wrap-around, slot reuse) and the service and reply
 * dispatchers of process 0 but has one service dispatcher and one caller (capacity 2): 12,184
 * states, drain included, in about 12 s. Races between two callers of one ring or two
 * dispatchers taking from it (singleConsumer's two-taker case) are outside this bound; storms
 * cover them at `small`.
 * `spec-small` is the spec's small itself, explored by the syscall graph engine (one state per
 * orbit of the two system-call dispatchers and the ring rotations with `--symmetry`); `dispatchers` is the smallest
 * configuration with interchangeable agents, for the symmetry tests and the manifest.
 * wakeup's `harts2` is its `tiny` with two harts, the orbits of `--symmetry`; the controller's
 * `lines` has two interrupt lines and two IPC types, which `--symmetry` renames.
 * `tiny` presets are smaller still, for the test suite's regression check of the manifest.
 */
import { type Config, SMALL } from '../../protocols/controller/model/config/config.ts';

/** The exploration presets by name, per protocol that can be explored. */
export const EXPLORE_PRESETS: Readonly<Partial<Record<string, Readonly<Record<string, Config>>>>> = {
  controller: {
    tiny: {
      ...SMALL,
      processes: 2,
      priorities: 1,
      devices: 1,
      ipcTypes: 1,
      capacity: 1,
      waitDepth: 1,
      pendingMax: 1,
      taskPool: 1,
    },
    small: { ...SMALL, devices: 1, ipcTypes: 1, capacity: 2, waitDepth: 1, pendingMax: 1, taskPool: 1 },
    /** tiny's one process with two interrupt lines and two IPC types (`--symmetry` renames both): 1,024 states, 480 orbits. */
    lines: {
      ...SMALL,
      processes: 1,
      priorities: 1,
      devices: 2,
      ipcTypes: 2,
      capacity: 1,
      waitDepth: 1,
      pendingMax: 1,
      taskPool: 1,
    },
  },
  syscall: {
    tiny: { ...SMALL, capacity: 2, ringSlots: 1, dispatchers: 1 },
    small: { ...SMALL, capacity: 2, dispatchers: 1 },
    /** The spec's small itself (6,949,360 states; `--symmetry`: 892,144 orbits of dispatchers and ring rotations). */
    'spec-small': SMALL,
    /** Two interchangeable system-call dispatchers and one caller (`--symmetry`): 15,812 states, 4,256 orbits (dispatchers and ring rotations). */
    dispatchers: {
      ...SMALL,
      ringSlots: 1,
      capacity: 2,
      dispatchers: 2,
      priorities: 1,
      devices: 1,
      pendingMax: 1,
    },
  },
  wakeup: {
    tiny: { ...SMALL, harts: 1, devices: 1, taskPool: 2, capacity: 2 },
    /** tiny with two interchangeable harts (`--symmetry`, the symmetry tests and the manifest). */
    harts2: { ...SMALL, harts: 2, devices: 1, taskPool: 2, capacity: 2 },
    small: SMALL,
  },
};

/** The configuration of preset `name` for `protocol`, or undefined. */
export function explorePreset(protocol: string, name: string): Config | undefined {
  return EXPLORE_PRESETS[protocol]?.[name];
}
