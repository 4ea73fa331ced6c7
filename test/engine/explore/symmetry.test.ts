/**
 * Symmetry of the controller model (protocols/controller/engine/controllerSymmetry.ts): on every
 * reachable state of the tiny preset (two processes) and of two configurations with two interrupt
 * lines and two IPC types, renaming the processes, lines and types commutes with every step of the
 * alphabet and keeps its verdicts, and three wrong renamings are caught; the canonical key (sorted
 * lines and types) is the least key over every renaming; the reduced search keeps exactly one state
 * per orbit of the full one; and a seeded violation is found with and without symmetry at the same
 * BFS-shortest length.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../engine/explore/explore.ts';
import type { ControllerNode } from '../../../protocols/controller/engine/controllerJudge.ts';
import { controllerSpace } from '../../../protocols/controller/engine/controllerSpace.ts';
import {
  type ControllerRenaming,
  controllerRenamings,
  renameControllerEvent,
  renameControllerGhost,
  renameControllerState,
} from '../../../protocols/controller/engine/controllerSymmetry.ts';
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../protocols/controller/model/events.ts';
import { ERR } from '../../../protocols/controller/model/registers.ts';
import type { ControllerStepProperty } from '../../../protocols/controller/properties/context.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../protocols/controller/properties/selection.ts';
import { presetOf } from '../../support/presetOf.ts';
import { reachable as walk } from '../../support/reachable.ts';

const preset = (name: string): Config => presetOf('controller', name);

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));

const REACHED = new Map<Config, readonly ControllerNode[]>();

/** Every reachable node of the model on `cfg`, in BFS order; walked once per configuration. */
function reachable(cfg: Config): readonly ControllerNode[] {
  const known = REACHED.get(cfg);
  if (known !== undefined) return known;
  const out: ControllerNode[] = [];
  walk(controllerSpace(cfg, undefined, PROPS), Number.POSITIVE_INFINITY, (n) => out.push(n));
  REACHED.set(cfg, out);
  return out;
}

/** The `lines` preset: two interrupt lines and two IPC types, one process (1,024 states). */
const LINES_TYPES: Config = preset('lines');
/** Tiny with two interrupt lines: waiters of both processes on both lines (12,032 states). */
const LINES_PROCESSES: Config = { ...preset('tiny'), devices: 2 };

type Rename = (cfg: Config, n: ControllerNode, r: ControllerRenaming) => ControllerNode;
type RenameEvent = (cfg: Config, e: ControllerEvent, r: ControllerRenaming) => ControllerEvent;

const renamed: Rename = (cfg, n, r) => ({
  ...n,
  model: renameControllerState(cfg, n.model, r),
  abs: renameControllerState(cfg, n.abs, r),
  ghost: renameControllerGhost(n.ghost, r),
});

const show = (e: ControllerEvent): string =>
  JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));

/**
 * Where renaming by `rename` fails to commute with a step of `cfg`'s model (at most a few), and the
 * steps compared. A node's own steps are taken once and compared with each renaming's (three
 * renamings besides the identity on two lines and two processes: the node's steps were taken
 * three times).
 */
function commutationFailures(
  cfg: Config,
  nodes: readonly ControllerNode[],
  rename: Rename = renamed,
  renameEvent: RenameEvent = renameControllerEvent,
): { readonly bad: string[]; readonly steps: number } {
  const space = controllerSpace(cfg, undefined, PROPS);
  const renamings = controllerRenamings(cfg).slice(1);
  const bad: string[] = [];
  let steps = 0;
  for (const n of nodes) {
    if (bad.length > 3) break;
    const es = space.enabled(n);
    const after = es.map((e) => space.step(n, e, 0, false));
    for (const r of renamings) {
      const m = rename(cfg, n, r);
      es.forEach((e, i) => {
        const a = after[i];
        if (a === undefined) return;
        const b = space.step(m, renameEvent(cfg, e, r), 0, false);
        steps++;
        const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
        const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
        if (va !== vb) bad.push(`${show(e)}: ${va} vs ${vb}`);
        if (a.kind === 'next' && b.kind === 'next' && space.key(rename(cfg, a.node, r)) !== space.key(b.node))
          bad.push(`${show(e)}: the renamed successor differs`);
      });
    }
  }
  return { bad, steps };
}

/** The least key over every renaming of the node: the orbit's name, computed the slow way. */
function leastKey(cfg: Config, n: ControllerNode): string {
  const space = controllerSpace(cfg, undefined, PROPS);
  let best = '';
  for (const r of controllerRenamings(cfg)) {
    const k = space.key(renamed(cfg, n, r));
    if (best === '' || k < best) best = k;
  }
  return best;
}

/** A seeded violation that names no process: some process holds `n` ready tasks. */
function readyAtLeast(n: number): ControllerStepProperty {
  return {
    id: `readyAtLeast${n}`,
    protocol: 'controller',
    kind: 'step',
    on: 'controllerStep',
    judgesIncomplete: false,
    spec: 'test',
    description: 'seeded',
    check: (ctx) => {
      const P = ctx.cfg.priorities;
      for (let p = 0; p < ctx.cfg.processes; p++) {
        let k = 0;
        for (let j = 0; j < P; j++) k += ctx.after.ready[p * P + j]?.length ?? 0;
        if (k >= n) return `process ${p} holds ${k} ready tasks`;
      }
      return null;
    },
  };
}

/** A seeded violation that names no process: QUEUE_FULL is set. */
const queueFull: ControllerStepProperty = {
  ...readyAtLeast(1),
  id: 'queueFullSet',
  check: (ctx) => ((ctx.after.error & ERR.QUEUE_FULL) !== 0 ? 'QUEUE_FULL' : null),
};

/** A seeded violation that names no line: every line has a waiter or a pending interrupt. */
const bothLinesBusy: ControllerStepProperty = {
  ...readyAtLeast(1),
  id: 'bothLinesBusy',
  check: (ctx) =>
    ctx.after.irqWait.every((q, d) => q.length > 0 || (ctx.after.irqPending[d] ?? 0) > 0)
      ? 'both busy'
      : null,
};

/** A seeded violation that names no line or type: one line counts an interrupt while an IPC type has a handler waiting. */
const pendingBesideWaiter: ControllerStepProperty = {
  ...readyAtLeast(1),
  id: 'pendingBesideWaiter',
  check: (ctx) =>
    ctx.after.irqPending.some((n) => n > 0) && ctx.after.ipcWait.some((q) => q.length > 0) ? 'both' : null,
};

describe('controller symmetry (processes, interrupt lines, IPC types)', () => {
  it('renaming the processes commutes with every step and keeps its verdicts (every tiny state and event)', () => {
    const cfg = preset('tiny');
    const nodes = reachable(cfg);
    expect(nodes.length).toBe(4480);
    const { bad, steps } = commutationFailures(cfg, nodes);
    expect(bad).toEqual([]);
    expect(steps).toBeGreaterThan(50_000);
  });

  it('renaming interrupt lines and IPC types commutes with every step and keeps its verdicts', () => {
    const nodes = reachable(LINES_TYPES);
    expect(nodes.length).toBe(1024);
    expect(controllerRenamings(LINES_TYPES)).toHaveLength(4);
    const { bad, steps } = commutationFailures(LINES_TYPES, nodes);
    expect(bad).toEqual([]);
    expect(steps).toBeGreaterThan(40_000);
  });

  it('renaming lines and processes together commutes with every step (every fourth state: waiters of both processes on both lines)', () => {
    const all = reachable(LINES_PROCESSES);
    expect(all.length).toBe(12_032);
    expect(controllerRenamings(LINES_PROCESSES)).toHaveLength(4);
    const { bad, steps } = commutationFailures(
      LINES_PROCESSES,
      all.filter((_, i) => i % 4 === 0),
    );
    expect(bad).toEqual([]);
    expect(steps).toBeGreaterThan(200_000);
  });

  it('catches wrong renamings: a line moved without its pending count, an event left unrenamed, a waiter keeping its process', () => {
    const cfg = LINES_PROCESSES;
    const nodes = reachable(cfg).filter((_, i) => i % 7 === 0);
    const pendingStays: Rename = (c, n, r) => {
      const m = renamed(c, n, r);
      return {
        ...m,
        abs: { ...m.abs, irqPending: n.abs.irqPending },
        model: { ...m.model, irqPending: n.abs.irqPending },
      };
    };
    const irqStays: RenameEvent = (c, e, r) => (e.type === 'Irq' ? e : renameControllerEvent(c, e, r));
    const waiterStays: Rename = (c, n, r) => {
      const m = renamed(c, n, { ...r, proc: [0, 1] });
      const s = renameControllerState(c, n.abs, { ...r, line: [0, 1], ipc: [0] });
      return {
        ...m,
        abs: { ...m.abs, ready: s.ready, online: s.online },
        model: { ...m.model, ready: s.ready, online: s.online },
        ghost: renameControllerGhost(n.ghost, r),
      };
    };
    expect(commutationFailures(cfg, nodes, pendingStays).bad).not.toEqual([]);
    expect(commutationFailures(cfg, nodes, renamed, irqStays).bad).not.toEqual([]);
    expect(commutationFailures(cfg, nodes, waiterStays).bad).not.toEqual([]);
  });

  it('the canonical key (lines and types sorted) names orbits as the least key over every renaming does', () => {
    // two processes with two IPC types: the types are sorted in renamed-process order (first 6,000 states)
    const firstOf = (cfg: Config, cap: number): ControllerNode[] => {
      const out: ControllerNode[] = [];
      walk(controllerSpace(cfg, undefined, PROPS), cap, (n) => out.push(n));
      return out;
    };
    const typesProcesses = { ...preset('tiny'), ipcTypes: 2 };
    for (const [cfg, nodes] of [
      [LINES_TYPES, reachable(LINES_TYPES)],
      [LINES_PROCESSES, reachable(LINES_PROCESSES)],
      [typesProcesses, firstOf(typesProcesses, 6000)],
    ] as const) {
      const space = controllerSpace(cfg, undefined, PROPS);
      const byCanonical = new Map<string, string>();
      const byLeast = new Map<string, string>();
      const wrong: string[] = [];
      for (const n of nodes) {
        const c = space.canonical?.(n) ?? '';
        const l = leastKey(cfg, n);
        if ((byCanonical.get(c) ?? l) !== l) wrong.push('one canonical key, two orbits');
        if ((byLeast.get(l) ?? c) !== c) wrong.push('one orbit, two canonical keys');
        byCanonical.set(c, l);
        byLeast.set(l, c);
        if (wrong.length > 3) break;
      }
      expect(wrong).toEqual([]);
      expect(byCanonical.size).toBe(byLeast.size);
      expect(byCanonical.size).toBeLessThan(nodes.length);
    }
  });

  it.each([
    ['tiny', preset('tiny'), 4480],
    ['two lines and two IPC types', LINES_TYPES, 1024],
  ])('keeps exactly one state per orbit of the full search (%s)', (_, cfg, states) => {
    const space = controllerSpace(cfg, undefined, PROPS);
    const orbits = new Set(reachable(cfg).map((n) => space.canonical?.(n)));
    const reduced = explore(controllerSpace(cfg, undefined, PROPS), { symmetry: true });
    const full = explore(controllerSpace(cfg, undefined, PROPS));
    expect(full).toMatchObject({ kind: 'complete', distinct: states });
    expect(reduced.kind).toBe('complete');
    expect(reduced.distinct).toBe(orbits.size);
    expect(reduced.distinct).toBeLessThan(full.distinct);
    expect(reduced.diameter).toBeLessThanOrEqual(full.diameter); // an orbit is as deep as its shallowest member
  });

  it.each([
    ['readyAtLeast2', readyAtLeast(2), preset('small')],
    ['queueFullSet', queueFull, preset('small')],
    ['bothLinesBusy', bothLinesBusy, LINES_PROCESSES],
    ['pendingBesideWaiter', pendingBesideWaiter, LINES_TYPES],
  ])('finds a seeded violation (%s) at its BFS-shortest length with symmetry', (_, prop, cfg) => {
    const full = explore(controllerSpace(cfg, undefined, [...PROPS, prop]));
    const reduced = explore(controllerSpace(cfg, undefined, [...PROPS, prop]), { symmetry: true });
    expect(full.kind).toBe('violation');
    expect(reduced.kind).toBe('violation');
    if (full.kind !== 'violation' || reduced.kind !== 'violation') return;
    expect(reduced.path.length).toBe(full.path.length);
    expect(reduced.violations.map((v) => v.property)).toEqual(full.violations.map((v) => v.property));
    expect(reduced.distinct).toBeLessThanOrEqual(full.distinct);
  });

  it('is refused for a space without a canonical form', () => {
    const cfg = preset('tiny');
    const space = controllerSpace(cfg, undefined, PROPS);
    const { canonical: _dropped, ...without } = space;
    expect(() => explore(without, { symmetry: true })).toThrow(/canonical/);
  });
});
