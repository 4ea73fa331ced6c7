import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TraceError } from '../../model/TraceError.ts';
import { type ItfValue, itf, itfFromJson, itfToJson } from '../../traces/itfValue.ts';
import { jsonText } from '../../traces/jsonText.ts';
import { runs, SEED } from '../support/seed.ts';

/** Record field names ITF allows that cannot make a record look like a variant. */
const fieldName = fc.string({ maxLength: 6 }).filter((k) => !k.startsWith('#') && k !== 'tag');

const { value } = fc.letrec<{ value: ItfValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean().map(itf.bool),
    fc.string().map(itf.str),
    fc.bigInt({ min: -(1n << 64n), max: (1n << 64n) - 1n }).map(itf.int),
    fc.array(tie('value'), { maxLength: 4 }).map(itf.list),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => itf.tup(xs)),
    fc.array(tie('value'), { maxLength: 4 }).map(itf.set),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map(itf.map),
    fc.uniqueArray(fc.tuple(fieldName, tie('value')), { selector: ([k]) => k, maxLength: 4 }).map(itf.record),
    fc.tuple(fc.string({ maxLength: 6 }), tie('value')).map(([tag, v]) => itf.variant(tag, v)),
    fc.string({ maxLength: 6 }).map((repr): ItfValue => ({ kind: 'unserializable', repr })),
  ),
}));

const decode = (text: string): ItfValue => itfFromJson(JSON.parse(text));

describe('ITF value codec', () => {
  test('every value survives encoding, printing, parsing and decoding', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(decode(jsonText(itfToJson(v)))).toEqual(v);
      }),
      { seed: SEED, numRuns: runs(500) },
    );
  });

  test('integers are written as #bigint strings, up to 2^64-1', () => {
    expect(itfToJson(itf.int((1n << 64n) - 1n))).toEqual({ '#bigint': '18446744073709551615' });
    expect(jsonText(itfToJson(itf.variant('value', itf.int(5))))).toBe(
      '{"tag": "value", "value": {"#bigint": "5"}}\n',
    );
  });

  test('plain JSON integers are read as integers; fractions are refused', () => {
    expect(decode('[1, -2]')).toEqual(itf.list([itf.int(1), itf.int(-2)]));
    expect(() => decode('1.5')).toThrow(
      new TraceError('value: 1.5 is not an integer (write big ones as #bigint)'),
    );
  });

  test("Quint's variants and Apalache's UNIT are recognised", () => {
    expect(decode('{"tag": "Some", "value": {"#bigint": "3"}}')).toEqual(itf.some(itf.int(3)));
    expect(decode('{"tag": "UNIT"}')).toEqual(itf.tup());
    expect(decode('{"tag": 3, "value": 1}')).toEqual(
      itf.record([
        ['tag', itf.int(3)],
        ['value', itf.int(1)],
      ]),
    );
  });

  test('malformed values name the position', () => {
    expect(() => itfFromJson(JSON.parse('[[{"#bigint": "1x"}]]'), 'ready')).toThrow(
      new TraceError('ready[0][0]: bad #bigint "1x"'),
    );
    expect(() => decode('{"#tup": 3}')).toThrow(new TraceError('value: #tup must hold a list'));
    expect(() => decode('{"#foo": []}')).toThrow(new TraceError('value: unknown ITF form "#foo"'));
    expect(() => decode('{"a": null}')).toThrow(new TraceError('value.a: null is not an ITF value'));
    expect(() => itfToJson(itf.record([['#x', itf.int(1)]]))).toThrow(TraceError);
  });
});
