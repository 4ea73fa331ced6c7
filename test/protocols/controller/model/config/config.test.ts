import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../../../../model/configFile.ts';
import {
  CONFIG_RANGES,
  INT_FIELDS,
  PUBLISHED,
  SMALL,
} from '../../../../../protocols/controller/model/config/config.ts';
import { configToJson, parseConfig } from '../../../../../protocols/controller/model/config/loadConfig.ts';

describe('configuration (controller.md §1)', () => {
  test('an empty object is the published preset', () => {
    expect(parseConfig({})).toEqual(PUBLISHED);
  });
  test('the small preset round-trips through its JSON form', () => {
    expect(parseConfig(configToJson(SMALL))).toEqual(SMALL);
  });
  test.each(INT_FIELDS)('%s outside its allowed range is refused naming the field', (field) => {
    const { min, max } = CONFIG_RANGES[field];
    for (const bad of [min - 1, max + 1, 1.5, '3', null]) {
      expect(() => parseConfig({ [field]: bad })).toThrow(new RegExp(`"${field}"`));
    }
    expect(parseConfig({ [field]: min })[field]).toBe(min);
    expect(parseConfig({ [field]: max })[field]).toBe(max);
  });
  test('a malformed or unaligned base is refused', () => {
    for (const bad of ['10000000', '0x1000_0000', '0x10000008', 268435456, '0xZZ']) {
      expect(() => parseConfig({ base: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ base: bad })).toThrow(/"base"/);
    }
    expect(parseConfig({ base: '0xf000000' }).base).toBe(0xf000000n);
  });
  test('unknown fields and non-objects are refused', () => {
    expect(() => parseConfig({ prioritie: 3 })).toThrow(/"prioritie": unknown field/);
    expect(() => parseConfig([])).toThrow(ConfigError);
    expect(() => parseConfig('x')).toThrow(ConfigError);
  });
});
