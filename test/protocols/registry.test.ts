import { describe, expect, test } from 'vitest';
import { CONTROLLER_STEP_PROPERTIES } from '../../protocols/controller/properties/index.ts';
import { selectControllerProperties } from '../../protocols/controller/properties/selection.ts';
import { PROTOCOLS, protocolNames } from '../../protocols/index.ts';
import { findProperty, PROPERTIES, propertiesOf } from '../../protocols/registry.ts';

describe('the property registry', () => {
  test('it is every property a protocol judges, each once', () => {
    const judged = new Set(PROTOCOLS.flatMap((p) => p.properties.map((q) => q.id)));
    expect(new Set(PROPERTIES.map((p) => p.id))).toEqual(judged);
  });

  test('ids are unique', () => {
    const ids = PROPERTIES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(PROPERTIES.map((p) => [p.id, p] as const))(
    '%s: a protocol, a kind, a spec reference and one sentence',
    (id, p) => {
      expect(id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(protocolNames()).toContain(p.protocol);
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
    const stepIds = CONTROLLER_STEP_PROPERTIES.map((p) => p.id);
    expect(propertiesOf('wakeup').filter((p) => stepIds.includes(p.id))).toEqual([]);
    expect(findProperty('noSuchProperty')).toBeUndefined();
  });

  test('selection for the controller runner keeps registry order and refuses unknown ids', () => {
    expect(selectControllerProperties(['refinement', 'neverStalls']).map((p) => p.id)).toEqual([
      'neverStalls',
      'refinement',
    ]);
    expect(() => selectControllerProperties(['nope'])).toThrow(/"nope" is not a controller-step property/);
  });
});
