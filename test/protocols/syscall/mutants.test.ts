/**
 * The syscall mutant catalogue (protocols/syscall/mutants/syscallMutants.ts) and the properties' power:
 * random syscall storms at the pinned seed catch every mutant with a property the catalogue
 * lists, with a short shrunk counterexample (refinement excluded, so each is caught on its own
 * abstraction); each §6 syscall property, checked on its own, fails on some mutant; and the
 * reference runtime passes the same budget with every property, refinement included.
 */
import { describe, expect, test } from 'vitest';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { CONTROLLER_IMPLS } from '../../../protocols/controller/designs/registry.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { ACK } from '../../../protocols/controller/model/result.ts';
import { CONTROLLER_MUTANTS } from '../../../protocols/controller/mutants/controllerMutants.ts';
import { findProperty } from '../../../protocols/registry.ts';
import { checkSyscall } from '../../../protocols/syscall/engine/checkSyscall.ts';
import { initialSyscall } from '../../../protocols/syscall/model/boot.ts';
import {
  findSyscallMutant,
  isSyscallMutant,
  SYSCALL_MUTANTS,
} from '../../../protocols/syscall/mutants/syscallMutants.ts';
import type { SyscallStepContext } from '../../../protocols/syscall/properties/context.ts';
import { initialSyscallGhost } from '../../../protocols/syscall/properties/ghost.ts';
import { syscallNoRegisterWhileRunning } from '../../../protocols/syscall/properties/noRegisterWhileRunning.ts';
import { defaultSyscallPropertyIds } from '../../../protocols/syscall/properties/selection.ts';
import { WAKEUP_MUTANTS } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import { SEED } from '../../support/seed.ts';

const cfg = SMALL;
/** Every property but refinement. */
const GUARANTEES = defaultSyscallPropertyIds(undefined);
/** Storms within which each mutant must be caught. */
const BUDGET = 1000;
/** The longest shrunk counterexample accepted as "short". */
const SHORT = 20;

describe('the syscall mutant catalogue', () => {
  test('N1–N13: ten mutants, names apart from every other implementation, expectations registered', () => {
    expect(SYSCALL_MUTANTS).toHaveLength(10);
    const taken = new Set([...CONTROLLER_IMPLS, ...CONTROLLER_MUTANTS, ...WAKEUP_MUTANTS].map((i) => i.name));
    for (const m of SYSCALL_MUTANTS) {
      expect(taken.has(m.name)).toBe(false);
      expect(isSyscallMutant(m)).toBe(true);
      expect(findSyscallMutant(m.name)).toBe(m);
      for (const id of m.expectedViolations) expect(findProperty(id)).toBeDefined();
    }
    expect(isSyscallMutant(referenceImpl)).toBe(false);
  });

  test.each(SYSCALL_MUTANTS.map((m) => [m.name, m] as const))(
    '%s is caught by an expected property with a short shrunk counterexample',
    (_name, m) => {
      const r = checkSyscall({ cfg, impl: m, runs: BUDGET, seed: SEED, properties: GUARANTEES });
      if (r.ok) expect.fail(`${m.name} survived ${BUDGET} storms`);
      const caught = r.failure.violations.map((v) => v.property);
      expect(
        caught.some((id) => m.expectedViolations.includes(id)),
        `caught by ${caught.join(', ')}`,
      ).toBe(true);
      expect(r.counterexample.length).toBeLessThanOrEqual(SHORT);
      expect(r.counterexample.length).toBeLessThanOrEqual(r.shrunkLength);
    },
  );
});

/** For each syscall property: a mutant it catches when checked on its own. */
const WITNESS: Readonly<Record<string, string>> = {
  exactlyOnceReply: 'take-without-cas',
  replyRouting: 'reply-to-queue-head',
  requestConservation: 'kernel-frees-slot',
  boundedRing: 'overwrite-slot',
  noLostIpcWakeup: 'one-request-per-wake',
  singleConsumer: 'take-without-cas',
  publishBeforeSignal: 'publish-after-signal',
  offlineRetention: 'send-offline-dropped',
  everyRequestAnswered: 'park-without-register',
  syscallRefinement: 'reply-to-queue-head',
};

describe('each syscall property can fail', () => {
  test.each(Object.entries(WITNESS))('%s fails on %s', (id, name) => {
    const m = findSyscallMutant(name);
    if (m === undefined) throw new Error(`no mutant ${name}`);
    const r = checkSyscall({ cfg, impl: m, runs: BUDGET, seed: SEED, properties: [id] });
    if (r.ok) expect.fail(`${id} never failed on ${name}`);
    expect(r.failure.violation.property).toBe(id);
  });

  test('syscallNoRegisterWhileRunning fails on a registration written from inside a poll (hand-made step)', () => {
    const before = initialSyscall(cfg);
    const running = {
      ...before,
      agents: before.agents.map((x, a) => (a === 0 ? { ...x, phase: 'running' as const } : x)),
    };
    const ctx: SyscallStepContext = {
      cfg,
      index: 0,
      event: { type: 'Take', a: 0 },
      outcome: { kind: 'accepted', access: { type: 'IpcRegister', p: 0, ipcType: 0, task: 1n }, obs: ACK },
      before: running,
      after: running,
      expected: undefined,
      ghost: initialSyscallGhost(cfg, running),
    };
    expect(syscallNoRegisterWhileRunning.check(ctx)).toMatch(/while it runs/);
    const returning = {
      ...before,
      agents: before.agents.map((x, a) => (a === 0 ? { ...x, phase: 'returning' as const } : x)),
    };
    const ok = { ...ctx, event: { type: 'Return', a: 0 } as const, before: returning, after: before };
    expect(syscallNoRegisterWhileRunning.check(ok)).toBeNull();
    expect(syscallNoRegisterWhileRunning.check({ ...ok, event: { type: 'Park', a: 0 } })).toMatch(
      /not that dispatcher's return action/,
    );
  });

  test('the reference runtime passes the same storms with every property, refinement included', () => {
    const r = checkSyscall({ cfg, impl: referenceImpl, runs: 300, seed: SEED });
    expect(r.ok).toBe(true);
  });
});
