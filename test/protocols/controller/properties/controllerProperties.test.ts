import { describe, expect, test } from 'vitest';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import type { ControllerStepContext } from '../../../../protocols/controller/properties/context.ts';
import { addCustody } from '../../../../protocols/controller/properties/ghost.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../protocols/controller/properties/index.ts';
import {
  ACK,
  failingIds,
  type Prefix,
  prefix,
  stepAfter,
  value,
  withIrqWait,
  withReady,
} from './support/stepContext.ts';

const cfg = SMALL; // N=2 P=2 C=3 D=2 T=2 B=2 Q=2

const enq = (p: number, prio: number, task: bigint): ControllerEvent => ({ type: 'Enqueue', p, prio, task });
const deq = (p: number): ControllerEvent => ({ type: 'Dequeue', p });
const reg = (p: number, device: number, task: bigint): ControllerEvent => ({
  type: 'IrqRegister',
  p,
  device,
  task,
});
const irq = (line: number): ControllerEvent => ({ type: 'Irq', line });

/** One property's bad step: a prefix, a last event, and the wrong outcome a broken design would show. */
interface BadStep {
  readonly id: string;
  readonly build: () => {
    readonly pre: Prefix;
    readonly event: ControllerEvent;
    readonly bad: ControllerStepContext;
  };
  /** A fragment the message must contain (domain words, hex task ids). */
  readonly says: string;
  /** The honest run to show the property holding on, when `build` starts from a corrupted state. */
  readonly honest?: () => Prefix;
}

/** Process 0 holds [1, 2, 3, 4] at priority 0, one above capacity 3, with a ghost that agrees. */
function overCapacity(): Prefix {
  const pre = prefix(cfg, [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n)]);
  addCustody(pre.ghost, 0, 4n, 1);
  pre.ghost.outstanding++;
  return { ...pre, state: withReady(cfg, pre.state, 0, 0, [1n, 2n, 3n, 4n]) };
}

/** Task 3 was written for process 1 but sits in process 0's ready queue (the ghost knows better). */
function strayTask(): Prefix {
  const pre = prefix(cfg, [enq(1, 0, 3n)]);
  return { ...pre, state: withReady(cfg, withReady(cfg, pre.state, 1, 0, []), 0, 0, [3n]) };
}

const CASES: readonly BadStep[] = [
  {
    id: 'neverStalls',
    says: 'DEQUEUE on page 0 never completed',
    build: () => {
      const pre = prefix(cfg, [enq(0, 0, 3n)]);
      const event = deq(0);
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: { kind: 'stall' } }) };
    },
  },
  {
    id: 'definedBehaviour',
    says: 'IRQ_REGISTER_1 of 0x3 on page 0 has no defined effect in the design',
    build: () => {
      const pre = prefix(cfg, []);
      const event = reg(0, 1, 3n);
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: { kind: 'undefined' } }) };
    },
  },
  {
    id: 'strictPriority',
    says: 'DEQUEUE on page 0 returned task 0x5 from priority 1 while priority 0 held [0x3]',
    build: () => {
      const pre = prefix(cfg, [enq(0, 0, 3n), enq(0, 1, 5n)]);
      const event = deq(0);
      return {
        pre,
        event,
        bad: stepAfter(pre, event, { after: withReady(cfg, pre.state, 0, 1, []), obs: value(5n) }),
      };
    },
  },
  {
    id: 'fifoWithinPriority',
    says: 'DEQUEUE on page 0 returned task 0x5, but 0x3 entered priority 0 before it',
    build: () => {
      const pre = prefix(cfg, [enq(0, 0, 3n), enq(0, 0, 5n)]);
      const event = deq(0);
      return {
        pre,
        event,
        bad: stepAfter(pre, event, { after: withReady(cfg, pre.state, 0, 0, [3n]), obs: value(5n) }),
      };
    },
  },
  {
    id: 'taskConservation',
    says: 'returned task 0x3 but the held instances changed by {}',
    build: () => {
      const pre = prefix(cfg, [enq(0, 0, 3n)]);
      const event = deq(0);
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: value(3n) }) };
    },
  },
  {
    id: 'processIsolation',
    honest: () => prefix(cfg, [enq(1, 0, 3n), enq(0, 0, 3n)]),
    says: 'DEQUEUE on page 0 returned task 0x3, but it was written for process 1',
    build: () => {
      const pre = strayTask();
      const event = deq(0);
      return {
        pre,
        event,
        bad: stepAfter(pre, event, { after: withReady(cfg, pre.state, 0, 0, []), obs: value(3n) }),
      };
    },
  },
  {
    id: 'emptyMeansEmpty',
    says: 'DEQUEUE on page 0 returned 0 while priority 1 held [0x5]',
    build: () => {
      const pre = prefix(cfg, [enq(0, 1, 5n)]);
      const event = deq(0);
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: value(0n) }) };
    },
  },
  {
    id: 'capacityBound',
    honest: () => prefix(cfg, [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n), enq(0, 1, 4n)]),
    says: 'process 0 holds 4 tasks (ready + waiting), above capacity 3',
    build: () => {
      const pre = overCapacity();
      const event: ControllerEvent = { type: 'StatusRead', p: 0 };
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: value(1n) }) };
    },
  },
  {
    id: 'errorReporting',
    says: 'ERROR read on page 0 returned none, but the bits set since the previous read are BAD_ACCESS (required at step 0)',
    build: () => {
      const pre = prefix(cfg, [{ type: 'Read', addr: registerAddress(cfg, 0, 'ENQUEUE', 0) }]);
      const event: ControllerEvent = { type: 'ErrorRead', p: 0 };
      return {
        pre,
        event,
        bad: stepAfter(pre, event, { after: { ...pre.state, error: 0 }, obs: value(0n) }),
      };
    },
  },
  {
    id: 'noLostWakeup',
    says: 'interrupt on line 0 found nobody waiting and left irqPending[0] at 0',
    build: () => {
      const pre = prefix(cfg, []);
      const event = irq(0);
      return { pre, event, bad: stepAfter(pre, event, { after: pre.state, obs: ACK }) };
    },
  },
  {
    id: 'noSpuriousWakeup',
    says: 'IRQ_REGISTER_0 of 0x5 on page 0 made 0x5 ready at once, but irqPending[0] was 0',
    build: () => {
      const pre = prefix(cfg, []);
      const event = reg(0, 0, 5n);
      return {
        pre,
        event,
        bad: stepAfter(pre, event, { after: withReady(cfg, pre.state, 0, 0, [5n]), obs: ACK }),
      };
    },
  },
  {
    id: 'fifoWaiters',
    says: 'interrupt on line 0 woke 0x5 while 0x3 registered before it',
    build: () => {
      const pre = prefix(cfg, [reg(0, 0, 3n), reg(0, 0, 5n)]);
      const event = irq(0);
      const after = withReady(cfg, withIrqWait(pre.state, 0, [{ p: 0, task: 3n }]), 0, 0, [5n]);
      return { pre, event, bad: stepAfter(pre, event, { after, obs: ACK }) };
    },
  },
  {
    id: 'wakePriority',
    says: 'interrupt on line 0 woke task 0x3 registered by process 1 into process 1 priority 1, not priority 0 of process 1',
    build: () => {
      const pre = prefix(cfg, [reg(1, 0, 3n)]);
      const event = irq(0);
      const after = withReady(cfg, withIrqWait(pre.state, 0, []), 1, 1, [3n]);
      return { pre, event, bad: stepAfter(pre, event, { after, obs: ACK }) };
    },
  },
  {
    id: 'refinement',
    says: 'STATUS read on page 0 departs from the reference model: returned: expected 0x1, actual 0x0',
    build: () => {
      const pre = prefix(cfg, []);
      const event: ControllerEvent = { type: 'StatusRead', p: 0 };
      const model = step(cfg, pre.state, event);
      return { pre, event, bad: stepAfter(pre, event, { obs: value(0n), expected: model }) };
    },
  },
];

describe('every controller-step property can fail, alone, on a hand-made step (SMALL)', () => {
  test('the cases cover every registered controller-step property', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(CONTROLLER_STEP_PROPERTIES.map((p) => p.id).sort());
  });

  test.each(CASES.map((c) => [c.id, c] as const))('%s fails, and no other property does', (id, c) => {
    const { bad } = c.build();
    expect(failingIds(bad)).toEqual([id]);
    const p = CONTROLLER_STEP_PROPERTIES.find((q) => q.id === id);
    expect(p?.check(bad)).toContain(c.says);
  });

  test.each(CASES.map((c) => [c.id, c] as const))(
    '%s holds when the step does what the model does',
    (_id, c) => {
      const { pre: built, event } = c.build();
      const pre = c.honest?.() ?? built;
      const model = step(cfg, pre.state, event);
      expect(failingIds(stepAfter(pre, event, { expected: model }))).toEqual([]);
    },
  );
});

describe('overlaps the spec builds in (one bug, two statements)', () => {
  test('a write refused below capacity with QUEUE_FULL breaks capacityBound and errorReporting', () => {
    const pre = prefix(cfg, [enq(0, 0, 1n)]);
    const bad = stepAfter(pre, enq(0, 0, 2n), { after: { ...pre.state, error: 1 }, obs: ACK });
    expect(failingIds(bad)).toEqual(['capacityBound', 'errorReporting']);
  });

  test('a write refused silently breaks taskConservation and capacityBound', () => {
    const pre = prefix(cfg, [enq(0, 0, 1n)]);
    const bad = stepAfter(pre, enq(0, 0, 2n), { after: pre.state, obs: ACK });
    expect(failingIds(bad)).toEqual(['taskConservation', 'capacityBound']);
  });

  test('a wrong access that changes a queue breaks errorReporting (and what the change itself breaks)', () => {
    const pre = prefix(cfg, [enq(0, 0, 1n)]);
    const event: ControllerEvent = { type: 'Enqueue', p: 0, prio: 2, task: 7n };
    const after = { ...withReady(cfg, pre.state, 0, 1, [7n]), error: 8 };
    expect(failingIds(stepAfter(pre, event, { after, obs: ACK }))).toContain('errorReporting');
  });
});
