/**
 * The wasm-first decision (engine/explore/wasm/wasmFirst.ts): a passing pass without a seeded bug
 * is answered from its counts; a failing pass or a seeded bug by JavaScript without progress
 * reports; a trap by JavaScript with them; any other error is not a hand-over.
 */
import { describe, expect, it } from 'vitest';
import { type WasmPass, wasmFirst } from '../../../../engine/explore/wasm/wasmFirst.ts';

const counts = { distinct: 7, transitions: 12, diameter: 3 };
const trap = (): WasmPass => {
  const e = new Error('unreachable');
  e.name = 'RuntimeError';
  throw e;
};
const answer = (pass: () => WasmPass, seeded: boolean): string =>
  wasmFirst(
    { ...(seeded ? { mutation: 'a seeded bug' } : {}), onProgress: () => {} },
    pass,
    (o) => `javascript ${'onProgress' in o ? 'with' : 'without'} progress`,
    (c) => `wasm ${c.distinct}/${c.transitions}/${c.diameter}`,
  );

describe('wasmFirst', () => {
  it('answers a passing search from the wasm counts', () => {
    expect(answer(() => ({ kind: 'holds', ...counts }), false)).toBe('wasm 7/12/3');
  });

  it('hands a failing pass, or any pass under a seeded bug, to JavaScript without progress reports', () => {
    expect(answer(() => ({ kind: 'stepFails', ...counts }), false)).toBe('javascript without progress');
    expect(answer(() => ({ kind: 'holds', ...counts }), true)).toBe('javascript without progress');
  });

  it('hands a trap to JavaScript with progress reports, and lets any other error through', () => {
    expect(answer(trap, false)).toBe('javascript with progress');
    expect(() =>
      answer(() => {
        throw new Error('a bug in the loader');
      }, false),
    ).toThrow('a bug in the loader');
  });
});
