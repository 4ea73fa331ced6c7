/**
 * The controller judged engine's short-key store (slotKeyStore.ts over byteKeyPacker.ts, with the
 * bounds of controllerByteBounds.ts) against its byte store (packedStore.ts): the same counts,
 * first violation and path, states bound and progress reports on the presets, and the same
 * outcomes on the seeded bugs (which keep the byte store by default); a node whose byte is above
 * its bound is refused with an error naming the byte and the bound, never truncated.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { ByteKeyPacker } from '../../../../engine/explore/packed/byteKeyPacker.ts';
import { SlotKeyStore } from '../../../../engine/explore/packed/slotKeyStore.ts';
import { controllerByteBounds } from '../../../../protocols/controller/engine/packed/controllerByteBounds.ts';
import {
  type ControllerJudgedOptions,
  exploreControllerJudged,
} from '../../../../protocols/controller/engine/packed/controllerJudgedExplore.ts';
import { controllerPackedLayout } from '../../../../protocols/controller/engine/packed/controllerPackedLayout.ts';
import type { ControllerPackedMutation } from '../../../../protocols/controller/engine/packed/controllerPackedMutation.ts';
import { ControllerPackedSuccessors } from '../../../../protocols/controller/engine/packed/controllerPackedSuccessors.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerStepProperty } from '../../../../protocols/controller/properties/context.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../../protocols/controller/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { NEVER_QUEUE_FULL } from './neverQueueFull.ts';

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));
const PRESETS = ['tiny', 'small', 'lines'] as const;
const MUTATIONS: readonly ControllerPackedMutation[] = [
  'forgetsCustody',
  'keepsOldReady',
  'readKeepsError',
  'sendCountsBesideHandler',
  'sendKeepsHandler',
  'sendWakesLow',
];

const preset = (name: string): Config => presetOf('controller', name);

/** The search of `cfg` over both stores, with its progress reports: they must be equal. */
function bothStores(
  cfg: Config,
  properties: readonly ControllerStepProperty[],
  opts: ControllerJudgedOptions = {},
) {
  const run = (store: 'bytes' | 'slotKey') => {
    const progress: ExploreProgress[] = [];
    const out = exploreControllerJudged(cfg, properties, {
      ...opts,
      store,
      progressEvery: 100,
      onProgress: (p) => progress.push(p),
    });
    return { out, progress };
  };
  return { bytes: run('bytes'), slotKey: run('slotKey') };
}

/** The packer of `cfg`'s layout. */
function packerOf(cfg: Config): ByteKeyPacker {
  const { bounds, names } = controllerByteBounds(controllerPackedLayout(cfg));
  const packer = ByteKeyPacker.of(bounds, (b) => names[b] ?? `byte ${b}`);
  if (packer === null) throw new Error('a big-endian machine');
  return packer;
}

describe('the judged controller engine on its short-key store', () => {
  it.each(PRESETS)('counts, stops and reports progress as the byte store does (%s)', (name) => {
    const cfg = preset(name);
    const { bytes, slotKey } = bothStores(cfg, PROPS);
    expect(bytes.out.kind).toBe('complete');
    expect(slotKey).toEqual(bytes);
    const bounded = bothStores(cfg, PROPS, { maxStates: 777 });
    expect(bounded.bytes.out.kind).toBe('maxStates');
    expect(bounded.slotKey).toEqual(bounded.bytes);
  });

  it('packs every preset in at most three words (the store the engine picks)', () => {
    for (const name of PRESETS) expect(packerOf(preset(name)).bits).toBeLessThanOrEqual(95);
  });

  it.each(PRESETS)('finds the same first violation, path and counts as the byte store (%s)', (name) => {
    const { bytes, slotKey } = bothStores(preset(name), [...PROPS, NEVER_QUEUE_FULL]);
    expect(bytes.out).toMatchObject({ kind: 'violation', properties: ['neverQueueFull'] });
    expect(slotKey).toEqual(bytes);
  });

  it.each(MUTATIONS)('finds the seeded bug %s as the byte store does (small)', (mutation) => {
    const { bytes, slotKey } = bothStores(preset('small'), PROPS, { mutation });
    expect(slotKey).toEqual(bytes);
    // the verdicts on a successor alone judged on every transition: the same again
    const every = bothStores(preset('small'), PROPS, { mutation, everyTransition: true });
    expect(every.slotKey).toEqual(every.bytes);
    expect(every.bytes.out).toEqual(bytes.out);
    expect(exploreControllerJudged(preset('small'), PROPS, { mutation })).toEqual(bytes.out);
  });

  it('refuses a node above its bounds that a seeded bug reaches (a pending count past Q)', () => {
    // the IPC bug counts a send beside a waiting handler: only capacityBound, judged on a new state,
    // sees the count past its bound, and the short-key store refuses that state before it is judged
    const props = selectControllerProperties(['capacityBound']);
    const opts = { mutation: 'sendCountsBesideHandler' } as const;
    expect(exploreControllerJudged(preset('small'), props, opts)).toMatchObject({ kind: 'violation' });
    expect(() => exploreControllerJudged(preset('small'), props, { ...opts, store: 'slotKey' })).toThrow(
      /ipcPending\[0\] \(byte \d+\) = 2 is above its bound 1/,
    );
  });

  it('refuses a byte above its field, and one above its bound within its field, naming both', () => {
    const cfg = preset('small'); // capacity 2: a ready queue's length has 2 bits, bound 2
    const L = controllerPackedLayout(cfg);
    const succ = new ControllerPackedSuccessors(cfg, PROPS);
    const init = new Int32Array(succ.initial().slice().buffer);
    const packer = packerOf(cfg);
    const bytesOf = (w: Int32Array) => new Uint8Array(w.buffer);
    const store = new SlotKeyStore(packer, 16);
    expect(store.add(init, 0, -1, -1)).toBe(true);
    expect(store.add(init, 1, 0, 0)).toBe(false);
    const long = init.slice();
    bytesOf(long)[L.ready] = 3; // within its 2 bits, above the capacity
    expect(() => store.add(long, 1, 0, 0)).toThrow(/ready\[0\] length \(byte 0\) = 3 is above its bound 2/);
    const wide = init.slice();
    bytesOf(wide)[L.ready] = 4; // past its 2 bits: packing would truncate it
    expect(packer.pack(wide, new Int32Array(3))).not.toBe(0);
    expect(() => store.add(wide, 1, 0, 0)).toThrow(/ready\[0\] length \(byte 0\) = 4 is above its bound 2/);
    const padded = init.slice();
    bytesOf(padded)[L.width - 1] = 1; // padding is always zero
    expect(() => store.add(padded, 1, 0, 0)).toThrow(
      /padding byte \d+ \(byte \d+\) = 1 is above its bound 0/,
    );
    expect(store.count).toBe(1);
  });

  it('unpacks every packed node to its bytes (random nodes within their bounds)', () => {
    for (const name of PRESETS) {
      const { bounds } = controllerByteBounds(controllerPackedLayout(preset(name)));
      const packer = packerOf(preset(name));
      const bytes = new Uint8Array(bounds.length);
      const w = new Int32Array(bytes.buffer);
      const key = new Int32Array(3);
      const back = new Int32Array(w.length);
      let seed = 12345;
      for (let n = 0; n < 2000; n++) {
        for (let b = 0; b < bytes.length; b++) {
          seed = (Math.imul(seed, 1103515245) + 12345) | 0;
          bytes[b] = ((seed >>> 8) & 0xffff) % ((bounds[b] ?? 0) + 1);
        }
        expect(packer.pack(w, key)).toBe(0);
        packer.unpack(key, 0, back);
        expect(back).toEqual(w);
      }
    }
  });
});
