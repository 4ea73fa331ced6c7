/**
 * The formal properties are §6 properties of the controller, each asserted by the checker under
 * its id, and every assertion of the checker belongs to one of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  FORMAL_PROPERTIES,
  propertyOfAssertion,
} from '../../../../protocols/controller/formal/formalProperties.ts';
import { FORMAL_FILES } from '../../../../protocols/controller/formal/hwFiles.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../protocols/controller/properties/index.ts';

const checker = FORMAL_FILES.find((f) => f.endsWith('intc_checker.sv')) ?? '';
const assertions = [...readFileSync(checker, 'utf8').matchAll(/^\s*(\w+_A): assert\b/gm)].map(
  (m) => m[1] ?? '',
);

describe('formal properties', () => {
  test('each is a controller property of §6', () => {
    const ids = CONTROLLER_STEP_PROPERTIES.map((p) => p.id);
    for (const p of FORMAL_PROPERTIES) expect(ids).toContain(p);
  });

  test('the checker asserts each, and each assertion names one', () => {
    expect(assertions.length).toBeGreaterThanOrEqual(FORMAL_PROPERTIES.length);
    expect(assertions.filter((a) => propertyOfAssertion(a) === undefined)).toEqual([]);
    expect(new Set(assertions.map(propertyOfAssertion))).toEqual(new Set(FORMAL_PROPERTIES));
  });

  test('an assertion is read by its id, with or without a part and a hierarchy', () => {
    expect(propertyOfAssertion('u_chk.noLostWakeup_edges_A')).toBe('noLostWakeup');
    expect(propertyOfAssertion('u_chk.g_obs.capacityBound_A')).toBe('capacityBound');
    expect(propertyOfAssertion('strictPriority_A')).toBe('strictPriority');
    expect(propertyOfAssertion('u_env.hold_M')).toBeUndefined();
  });
});
