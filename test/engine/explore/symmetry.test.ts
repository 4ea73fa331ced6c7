/**
 * Process symmetry of the controller model (protocols/controller/engine/processSymmetry.ts): on
 * every reachable state of the tiny preset, renaming the processes commutes with every step of the
 * alphabet and keeps its verdicts; the reduced search keeps exactly one state per orbit of the full
 * one; and a seeded violation is found with and without symmetry at the same BFS-shortest length.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../engine/explore/explore.ts';
import { explorePreset } from '../../../engine/explore/explorePresets.ts';
import { permutations } from '../../../engine/explore/permutations.ts';
import type { ControllerNode } from '../../../protocols/controller/engine/controllerJudge.ts';
import { controllerSpace } from '../../../protocols/controller/engine/controllerSpace.ts';
import {
  renameEvent,
  renameGhost,
  renameProcesses,
} from '../../../protocols/controller/engine/processSymmetry.ts';
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import { ERR } from '../../../protocols/controller/model/registers.ts';
import type { ControllerStepProperty } from '../../../protocols/controller/properties/context.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../protocols/controller/properties/selection.ts';

function preset(name: string): Config {
  const cfg = explorePreset('controller', name);
  if (cfg === undefined) throw new Error(`no controller preset ${name}`);
  return cfg;
}

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));

/** Every reachable node of the model on `cfg`, in BFS order. */
function reachable(cfg: Config): ControllerNode[] {
  const space = controllerSpace(cfg, undefined, PROPS);
  const init = space.initial();
  const seen = new Set([space.key(init)]);
  const out = [init];
  for (let i = 0; i < out.length; i++) {
    const n = out[i];
    if (n === undefined) continue;
    for (const e of space.enabled(n)) {
      const t = space.step(n, e, i, false);
      if (t.kind !== 'next' || seen.has(space.key(t.node))) continue;
      seen.add(space.key(t.node));
      out.push(t.node);
    }
  }
  return out;
}

const renamed = (cfg: Config, n: ControllerNode, perm: readonly number[]): ControllerNode => ({
  ...n,
  model: renameProcesses(cfg, n.model, perm),
  abs: renameProcesses(cfg, n.abs, perm),
  ghost: renameGhost(n.ghost, perm),
});

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

describe('controller process symmetry', () => {
  it('renaming the processes commutes with every step and keeps its verdicts (every tiny state and event)', () => {
    const cfg = preset('tiny');
    const space = controllerSpace(cfg, undefined, PROPS);
    const bad: string[] = [];
    let steps = 0;
    const nodes = reachable(cfg);
    expect(nodes.length).toBe(4480);
    for (const perm of permutations(cfg.processes).slice(1)) {
      for (const n of nodes) {
        const m = renamed(cfg, n, perm);
        for (const e of space.enabled(n)) {
          const a = space.step(n, e, 0, false);
          const b = space.step(m, renameEvent(cfg, e, perm), 0, false);
          steps++;
          const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
          const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
          if (va !== vb)
            bad.push(
              `${JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}: ${va} vs ${vb}`,
            );
          if (
            a.kind === 'next' &&
            b.kind === 'next' &&
            space.key(renamed(cfg, a.node, perm)) !== space.key(b.node)
          )
            bad.push(
              `${JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}: the renamed successor differs`,
            );
          if (bad.length > 3) break;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(steps).toBeGreaterThan(50_000);
  });

  it('keeps exactly one state per orbit of the full search (tiny)', () => {
    const cfg = preset('tiny');
    const space = controllerSpace(cfg, undefined, PROPS);
    const orbits = new Set(reachable(cfg).map((n) => space.canonical?.(n)));
    const reduced = explore(controllerSpace(cfg, undefined, PROPS), { symmetry: true });
    const full = explore(controllerSpace(cfg, undefined, PROPS));
    expect(full).toMatchObject({ kind: 'complete', distinct: 4480 });
    expect(reduced.kind).toBe('complete');
    expect(reduced.distinct).toBe(orbits.size);
    expect(reduced.distinct).toBeLessThan(full.distinct);
    expect(reduced.diameter).toBeLessThanOrEqual(full.diameter); // an orbit is as deep as its shallowest member
  });

  it.each([
    ['readyAtLeast2', readyAtLeast(2)],
    ['queueFullSet', queueFull],
  ])('finds a seeded violation (%s) at its BFS-shortest length with symmetry', (_, prop) => {
    const cfg = preset('small');
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
