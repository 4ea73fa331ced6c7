/**
 * A corrupt trace never replays as a pass (issue #16): the saved traces of traces/saved/, damaged
 * by seeded fast-check mutations that each make the file malformed (a bad `#bigint`, a null, an
 * unknown ITF form, a mistyped `#meta` field, no protocol and none of a protocol's variables, a
 * cut file, an unknown action, a state that is not an object, a known variable of the wrong
 * type), are replayed through the CLI in this process (`main(argv)`), thousands of times: every
 * one is refused with exit 2 and one line naming the file, never an internal error or a stack
 * trace. Mutations that may or may not leave the trace valid (any node replaced by any JSON)
 * only have to end without an internal error.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runMain, tempDir } from '../engine/dut/runMain.ts';

const SAVED = join(ROOT, 'traces', 'saved');
const FILES = readdirSync(SAVED).filter((f) => f.endsWith('.itf.json'));
const TEXTS = FILES.map((f) => readFileSync(join(SAVED, f), 'utf8'));
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (x: Json | undefined): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every [parent, key] under `root` whose value is itself a JSON node (so it can be replaced). */
function slots(root: Json, keep: (path: readonly (string | number)[]) => boolean = () => true) {
  const out: { parent: Obj | Json[]; key: string | number; path: (string | number)[] }[] = [];
  const walk = (node: Json, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        const p = [...path, i];
        if (keep(p)) out.push({ parent: node, key: i, path: p });
        walk(v, p);
      });
    } else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        const p = [...path, k];
        if (keep(p)) out.push({ parent: node, key: k, path: p });
        walk(v, p);
      }
    }
  };
  walk(root, []);
  return out;
}

const set = (parent: Obj | Json[], key: string | number, v: Json) => {
  if (Array.isArray(parent)) parent[Number(key)] = v;
  else parent[String(key)] = v;
};

/** Inside a state's variable (not its #meta, not an mbt:: variable). */
const inStateVar = (p: readonly (string | number)[]) =>
  p[0] === 'states' &&
  p.length >= 3 &&
  typeof p[2] === 'string' &&
  !p[2].startsWith('#') &&
  !p[2].startsWith('mbt::');

/** A mutation that makes a trace malformed: (trace, random picks) → the damaged JSON text, or undefined when it does not apply. */
type Mutation = (t: Obj, pick: number, junk: string) => string | undefined;

const at = <T>(xs: readonly T[], pick: number): T | undefined => xs[pick % Math.max(1, xs.length)];

const MUTATIONS: Record<string, Mutation> = {
  badBigint: (t, pick, junk) => {
    const s = at(
      slots(t).filter((x) => x.key === '#bigint'),
      pick,
    );
    if (s === undefined) return undefined;
    set(s.parent, s.key, /^-?[0-9]+$/.test(junk) ? `${junk}z` : junk);
    return JSON.stringify(t);
  },
  nullInState: (t, pick) => {
    const s = at(slots(t, inStateVar), pick);
    if (s === undefined) return undefined;
    set(s.parent, s.key, null);
    return JSON.stringify(t);
  },
  unknownForm: (t, pick, junk) => {
    const s = at(slots(t, inStateVar), pick);
    if (s === undefined) return undefined;
    set(s.parent, s.key, { [`#x${junk.replace(/[^a-z]/gi, '')}`]: 1 });
    return JSON.stringify(t);
  },
  metaWrongType: (t, pick) => {
    const meta = t['#meta'];
    if (!isObj(meta)) return undefined;
    const fields: [string, Json][] = [
      ['protocol', 7],
      ['protocol', 'no-such-protocol'],
      ['implementation', ['reference']],
      ['implementation', 3],
      ['config', 'small'],
      ['config', [1, 2]],
      ['failingStep', 'three'],
      ['failingStep', 1.5],
      ['seed', { n: 1 }],
      ['path', 12],
      ['note', false],
      ['property', 0],
      ['message', []],
      ['explorer', 'yes'],
      ['depth', '4'],
      ['source', null],
    ];
    const f = at(fields, pick);
    if (f === undefined) return undefined;
    meta[f[0]] = f[1];
    return JSON.stringify(t);
  },
  anonymous: (t) => {
    const meta = t['#meta'];
    if (isObj(meta)) delete meta.protocol;
    const states = t.states;
    if (!Array.isArray(states)) return undefined;
    for (const s of states) {
      if (!isObj(s)) continue;
      for (const k of Object.keys(s)) {
        if (k.startsWith('#') || k.startsWith('mbt::')) continue;
        const v = s[k];
        delete s[k];
        if (v !== undefined) s[`unknown_${k.replace(/\W/g, '')}`] = v;
      }
    }
    return JSON.stringify(t);
  },
  cutShort: (t, pick) => {
    const text = JSON.stringify(t, null, 2);
    return text.slice(0, 1 + (pick % (text.lastIndexOf('}') - 1)));
  },
  unknownAction: (t, pick, junk) => {
    const states = t.states;
    if (!Array.isArray(states)) return undefined;
    const replayed = states.filter(
      (s, i) => i > 0 && isObj(s) && !(isObj(s['#meta']) && s['#meta'].phase === 'drain'),
    );
    const s = at(replayed, pick);
    if (!isObj(s)) return undefined;
    s['mbt::actionTaken'] = `NoSuchEvent${junk.replace(/\W/g, '')}`;
    return JSON.stringify(t);
  },
  stateNotObject: (t, pick, junk) => {
    const states = t.states;
    if (!Array.isArray(states) || states.length === 0) return undefined;
    states[pick % states.length] = [junk];
    return JSON.stringify(t);
  },
  wrongVarType: (t, pick, junk) => {
    const states = t.states;
    if (!Array.isArray(states)) return undefined;
    const s = at(states, pick);
    if (!isObj(s)) return undefined;
    const names = Object.keys(s).filter((k) => !k.startsWith('#') && !k.startsWith('mbt::'));
    const k = at(names, pick >> 4);
    if (k === undefined) return undefined;
    s[k] = `not a value of ${k}: ${junk}`;
    return JSON.stringify(t);
  },
};

/** Replays `text` (written to a fresh file) through `main`. */
let files = 0;
async function replayText(text: string) {
  const file = join(dir, `t${files++}.itf.json`);
  writeFileSync(file, text);
  return { file, run: await runMain(['replay', file]) };
}

const noStack = (lines: readonly string[]) =>
  lines.every(
    (l) => !/^\s+at /.test(l) && !/internal error/.test(l) && !/Error: /.test(l.replace(/^intcheck: /, '')),
  );

describe('corrupt traces', () => {
  test('the issue\'s example is refused, not replayed as "controller on reference, 0 events"', async () => {
    const { run } = await replayText('{"vars":["x"],"states":[{"x":{"#bigint":"zz"}}]}');
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^intcheck: .*t\d+\.itf\.json: state 0: x: bad #bigint "zz"$/),
    ]);
    const known = await replayText('{"vars":["x"],"states":[{"x":{"#bigint":"5"}}]}');
    expect(known.run.code).toBe(2);
    expect(known.run.stderr[0]).toMatch(
      /names no protocol \("#meta.protocol"\) and its initial state holds none of a protocol's variables/,
    );
  });

  test('every saved trace replays untouched (the mutations start from good traces)', async () => {
    for (const text of TEXTS) {
      const { run } = await replayText(text);
      expect([0, 1]).toContain(run.code);
    }
  });

  test('thousands of malformed traces: each refused with exit 2 and one line, none replays as a pass', async () => {
    const names = Object.keys(MUTATIONS);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(TEXTS.length - 1),
        fc.constantFrom(...names),
        fc.nat(),
        fc.string({ maxLength: 6 }),
        async (t, name, pick, junk) => {
          const mutate = MUTATIONS[name];
          const base = TEXTS[t];
          if (mutate === undefined || base === undefined) return;
          const text = mutate(JSON.parse(base) as Obj, pick, junk);
          if (text === undefined) return;
          const { file, run } = await replayText(text);
          if (run.code !== 2 || run.stderr.length !== 1 || !noStack([...run.stdout, ...run.stderr])) {
            throw new Error(
              `${name} on ${FILES[t]}: exit ${run.code}\n${[...run.stderr, ...run.stdout].join('\n')}`,
            );
          }
          expect(run.stderr[0]).toContain(file);
          refused++;
        },
      ),
      { seed: 16, numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(2500);
  });

  test('any node replaced by any JSON: a verdict or a one-line refusal, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(TEXTS.length - 1),
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        async (t, pick, v) => {
          const base = TEXTS[t];
          if (base === undefined) return;
          const tree = JSON.parse(base) as Obj;
          const s = at(slots(tree), pick);
          if (s === undefined) return;
          set(s.parent, s.key, v as Json);
          const { run } = await replayText(JSON.stringify(tree));
          expect([0, 1, 2]).toContain(run.code);
          expect(noStack([...run.stdout, ...run.stderr])).toBe(true);
          if (run.code === 2) expect(run.stderr).toHaveLength(1);
        },
      ),
      { seed: 17, numRuns: 1500 },
    );
  });
});
