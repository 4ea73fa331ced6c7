import { describe, expect, test } from 'vitest';
import { PROTOCOLS } from '../../engine/property.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../protocols/controller/properties/index.ts';
import {
  controllerStepProperties,
  findProperty,
  PROPERTIES,
  propertiesOf,
} from '../../protocols/registry.ts';

describe('the property registry', () => {
  test('ids are unique', () => {
    const ids = PROPERTIES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(PROPERTIES.map((p) => [p.id, p] as const))(
    '%s: a protocol, a kind, a spec reference and one sentence',
    (id, p) => {
      expect(id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(PROTOCOLS).toContain(p.protocol);
      expect(['invariant', 'step', 'liveness', 'refinement']).toContain(p.kind);
      expect(p.spec).toMatch(/^[a-z-]+\.md §\d/);
      expect(p.description).toMatch(/^[A-Za-z].{10,}\.$/);
      expect(findProperty(id)).toBe(p);
    },
  );

  test('the controller-step properties are the §6 controller and per-step wakeup guarantees, and refinement', () => {
    expect(CONTROLLER_STEP_PROPERTIES.map((p) => p.id)).toEqual([
      'neverStalls',
      'definedBehaviour',
      'strictPriority',
      'fifoWithinPriority',
      'taskConservation',
      'processIsolation',
      'emptyMeansEmpty',
      'capacityBound',
      'errorReporting',
      'noLostWakeup',
      'noSpuriousWakeup',
      'fifoWaiters',
      'wakePriority',
      'refinement',
    ]);
    // The per-step wakeup guarantees are evaluated on controller steps, so they belong to the
    // controller protocol (and `check --protocol controller --property noLostWakeup` works).
    expect(propertiesOf('controller')).toEqual(CONTROLLER_STEP_PROPERTIES);
    expect(propertiesOf('wakeup').filter((p) => p.on === 'controllerStep')).toEqual([]);
    expect(findProperty('noSuchProperty')).toBeUndefined();
  });

  test('selection for the controller runner keeps registry order and refuses unknown ids', () => {
    expect(controllerStepProperties().map((p) => p.id)).toEqual(CONTROLLER_STEP_PROPERTIES.map((p) => p.id));
    expect(controllerStepProperties(['refinement', 'neverStalls']).map((p) => p.id)).toEqual([
      'neverStalls',
      'refinement',
    ]);
    expect(() => controllerStepProperties(['nope'])).toThrow(/unknown property "nope"/);
  });
});
