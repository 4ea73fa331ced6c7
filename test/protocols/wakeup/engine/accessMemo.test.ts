/**
 * The controller judge's memo (packedAccessMemo.ts) against the judge itself: on every access of
 * the tiny preset, and of every seeded bug of the packed successor function, the memoised judge
 * gives the verdict and leaves the ghosts the judge gives and leaves judging the step afresh; the
 * memo answers most of them. A memo that does not compare the successor it was judged on answers a
 * different successor with the wrong verdict (the comparison is needed, and this test can fail).
 */
import { describe, expect, it } from 'vitest';
import { explorePreset } from '../../../../engine/explore/explorePresets.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { ERR } from '../../../../protocols/controller/model/registers.ts';
import { judgedInitial, judgedLayout } from '../../../../protocols/wakeup/engine/packed/judgedExplore.ts';
import { PackedAccessMemo } from '../../../../protocols/wakeup/engine/packed/packedAccessMemo.ts';
import { PackedControllerJudge } from '../../../../protocols/wakeup/engine/packed/packedControllerJudge.ts';
import type { PackedMutation } from '../../../../protocols/wakeup/engine/packed/packedMutation.ts';
import {
  ACC_IRQ,
  ACC_NONE,
  PackedSuccessors,
} from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import { selectWakeupProperties } from '../../../../protocols/wakeup/properties/selection.ts';

const SEL = selectWakeupProperties(undefined, undefined);

function tiny(): Config {
  const cfg = explorePreset('wakeup', 'tiny');
  if (cfg === undefined) throw new Error('no wakeup preset tiny');
  return cfg;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * Every access from every state reached (the first 3,000 expanded) by the successor function with
 * `mutation`, judged by a memoised judge in place and by a judge without memo on a copy; a step
 * whose access fails is not followed (nor does the search follow it).
 */
function memoAgainstFresh(mutation: PackedMutation | undefined): {
  bad: string[];
  accesses: number;
  hits: number;
} {
  const G = judgedLayout(tiny());
  const succ = new PackedSuccessors(G.L, mutation, G.width);
  const memoised = new PackedControllerJudge(G, SEL);
  const fresh = new PackedControllerJudge(G, SEL, false);
  const init = judgedInitial(G);
  const seen = new Set([hex(init)]);
  const queue: Uint8Array[] = [init];
  const bad: string[] = [];
  let accesses = 0;
  for (let head = 0; head < queue.length && head < 3000 && bad.length < 5; head++) {
    const cur = queue[head];
    if (cur === undefined) continue;
    succ.expand(new Int32Array(cur.buffer), 0, {
      visit: () => {
        if (succ.acc !== ACC_NONE) {
          accesses++;
          const copy = succ.b.slice();
          const want = fresh.judge(succ.cur, copy, succ);
          const got = memoised.judge(succ.cur, succ.b, succ);
          if (got !== want || hex(succ.b) !== hex(copy))
            bad.push(
              `${mutation} access ${succ.acc} from ${hex(cur)}: memo ${got} ${hex(succ.b)}, judge ${want} ${hex(copy)}`,
            );
          if (want !== 0) return; // the search stops there: not followed
        }
        const key = hex(succ.b);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(succ.b.slice());
        }
      },
    });
  }
  return { bad, accesses, hits: memoised.memo?.hits ?? 0 };
}

/** The first Irq access from the initial state, judged by `judge`, then again with the error register changed in the successor. */
function sameAccessOtherSuccessor(judge: PackedControllerJudge): {
  first: number;
  second: number;
  fresh: number;
} {
  const G = judgedLayout(tiny());
  const succ = new PackedSuccessors(G.L, undefined, G.width);
  const init = judgedInitial(G);
  let out: { first: number; second: number; fresh: number } | null = null;
  succ.expand(new Int32Array(init.buffer), 0, {
    visit: () => {
      if (out !== null || succ.acc !== ACC_IRQ) return;
      const next = succ.b.slice();
      const first = judge.judge(succ.cur, succ.b, succ);
      next[G.L.error] = (next[G.L.error] ?? 0) ^ ERR.WAIT_FULL; // an error bit no interrupt sets
      const fresh = new PackedControllerJudge(G, SEL, false).judge(succ.cur, next.slice(), succ);
      succ.b.set(next);
      out = { first, second: judge.judge(succ.cur, succ.b, succ), fresh };
    },
  });
  if (out === null) throw new Error('no interrupt from the initial state');
  return out;
}

describe('the controller judge memo', () => {
  it.each<PackedMutation | undefined>([undefined, 'wakeCopies', 'stealsOffline', 'finishWanders', 'wedges'])(
    'answers what the judge answers afresh on every access (tiny, successor bug %s)',
    (mutation) => {
      const { bad, accesses, hits } = memoAgainstFresh(mutation);
      expect(bad).toEqual([]);
      expect(accesses).toBeGreaterThan(500);
      expect(hits).toBeGreaterThan(accesses / 2);
    },
  );

  it('judges afresh a successor other than the one an entry was judged on (and a memo that does not is caught)', () => {
    const G = judgedLayout(tiny());
    const right = sameAccessOtherSuccessor(new PackedControllerJudge(G, SEL));
    expect(right.first).toBe(0);
    expect(right.fresh).not.toBe(0); // errorReporting fails
    expect(right.second).toBe(right.fresh);
    const blind = sameAccessOtherSuccessor(new PackedControllerJudge(G, SEL, new PackedAccessMemo(G, true)));
    expect(blind.second).not.toBe(blind.fresh);
  });
});
