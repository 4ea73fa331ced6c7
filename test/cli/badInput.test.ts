/**
 * Bad input ends in exit 2 and one line on standard error naming what is wrong — never a stack
 * trace — for every way the command line or an input file can be wrong.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notJson = join(dir, 'not-json.json');
writeFileSync(notJson, '{ processes: 2');
const typo = join(dir, 'typo.json');
writeFileSync(typo, JSON.stringify({ procesess: 2 }));
const notItf = join(dir, 'not-itf.itf.json');
writeFileSync(notItf, JSON.stringify({ hello: 'world' }));
const missing = join(dir, 'missing.json');
const sevenCpus = join(dir, 'uipi-seven-cpus.json');
writeFileSync(sevenCpus, JSON.stringify({ cpus: 7 }));
const sevenHarts = join(dir, 'wakeup-seven-harts.json');
writeFileSync(sevenHarts, JSON.stringify({ harts: 7 }));

const CHECK = ['check', '--protocol', 'controller', '--preset', 'small', '--runs', '5'];

/** [what, arguments, a pattern the one line must match]. */
const CASES: readonly (readonly [string, readonly string[], RegExp])[] = [
  ['an unknown protocol', ['check', '--protocol', 'tcp'], /--protocol: unknown protocol "tcp"/],
  [
    'an unknown implementation',
    [...CHECK, '--impl', 'nope'],
    /--impl: unknown implementation "nope" for protocol controller \(known: reference, /,
  ],
  [
    'a mutant under --impl',
    [...CHECK, '--impl', 'lifo-within-priority'],
    /--impl: "lifo-within-priority" is a mutant: use --mutant/,
  ],
  [
    'a design under --mutant',
    [...CHECK, '--mutant', 'reference'],
    /--mutant: "reference" is not a mutant: use --impl/,
  ],
  [
    'an unknown mutant',
    [...CHECK, '--mutant', 'nope'],
    /--mutant: unknown mutant "nope" for protocol controller \(known: lifo-within-priority, /,
  ],
  [
    '--impl with --mutant',
    [...CHECK, '--impl', 'reference', '--mutant', 'lifo-within-priority'],
    /cannot be used together/,
  ],
  [
    '--runs that is not a number',
    [...CHECK, '--runs', 'many'],
    /--runs: expected a whole number, got "many"/,
  ],
  ['--runs 0', [...CHECK, '--runs', '0'], /--runs: 0 is outside 1\.\./],
  ['--workers 0', [...CHECK, '--workers', '0'], /--workers: 0 is outside 1\.\.64/],
  ['a malformed --shard', [...CHECK, '--shard', 'first'], /--shard: expected INDEX\/COUNT/],
  ['--shard past its count', [...CHECK, '--shard', '3/3'], /--shard: index 3 is outside 0\.\.2/],
  ['more shards than runs', [...CHECK, '--shard', '0/6'], /--shard: 6 shards for 5 runs/],
  [
    'an unknown preset',
    ['check', '--protocol', 'controller', '--preset', 'huge'],
    /--preset: unknown preset "huge"/,
  ],
  ['--preset with --config', [...CHECK, '--config', typo], /--preset and --config cannot be used together/],
  [
    'a missing configuration file',
    ['check', '--protocol', 'controller', '--config', missing],
    /cannot read \(ENOENT\)/,
  ],
  [
    'a configuration file that is not JSON',
    ['check', '--protocol', 'controller', '--config', notJson],
    /not valid JSON/,
  ],
  [
    'a configuration file with an unknown field',
    ['check', '--protocol', 'controller', '--config', typo],
    /procesess/,
  ],
  [
    'an unknown property',
    [...CHECK, '--property', 'alwaysFast'],
    /--property: unknown property "alwaysFast"/,
  ],
  ['a trace that is not ITF', ['replay', notItf], /not-itf\.itf\.json/],
  ['a trace that does not exist', ['replay', missing], /missing\.json/],
  ['a trace that is not JSON', ['replay', notJson], /not-json\.json/],
  ['an unknown option', [...CHECK, '--frobnicate'], /unknown option '--frobnicate'/],
  ['an unknown command', ['verify'], /unknown command 'verify'/],
  [
    'merge of a file that is not a report',
    ['merge', notItf],
    /merge: .*not-itf\.itf\.json is not a check report/,
  ],
  ['merge of a file that is not JSON', ['merge', notJson], /merge: .*not-json\.json is not JSON/],
  [
    'explore --workers with an implementation',
    ['explore', '--protocol', 'wakeup', '--impl', 'reference', '--workers', '2'],
    /--workers: the parallel search explores the model alone/,
  ],
  [
    'explore --workers with --max-states',
    ['explore', '--protocol', 'controller', '--max-states', '10', '--workers', '2'],
    /--workers: the parallel search explores no --max-states/,
  ],
  [
    'explore --workers for UIPI with its covering measure',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--workers', '2'],
    /--workers: the parallel search explores UIPI with --no-covering only \(the covering measure admits states in an order the parallel search does not keep/,
  ],
  [
    'explore --workers for a UIPI product',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--impl', 'reference', '--workers', '2'],
    /--workers: the parallel search explores the UIPI model alone \(no --impl or --mutant\)/,
  ],
  [
    'explore --workers for UIPI keyed by orbits',
    [
      'explore',
      '--protocol',
      'uipi',
      '--preset',
      'skyloft2',
      '--no-covering',
      '--symmetry',
      '--workers',
      '2',
    ],
    /--workers: the parallel search explores UIPI without --symmetry/,
  ],
  [
    'explore --workers for UIPI keyed on the judged engine',
    [
      'explore',
      '--protocol',
      'uipi',
      '--preset',
      'skyloft',
      '--no-covering',
      '--engine',
      'judged',
      '--workers',
      '2',
    ],
    /--workers: the parallel search explores the object engine \(not --engine judged\)/,
  ],
  [
    'explore --workers 0',
    ['explore', '--protocol', 'controller', '--workers', '0'],
    /--workers: 0 is outside 1\.\.64/,
  ],
  [
    'explore --symmetry for a wakeup product',
    ['explore', '--protocol', 'wakeup', '--impl', 'reference', '--symmetry'],
    /--symmetry: only the controller, syscall, wakeup and UIPI models alone are explored by orbits \(an implementation's hidden state cannot be renamed\)/,
  ],
  [
    'explore --symmetry with the judged wakeup engine',
    ['explore', '--protocol', 'wakeup', '--engine', 'judged', '--symmetry'],
    /--symmetry: the wakeup model is explored by orbits by the object engine only \(not --engine judged\)/,
  ],
  [
    'explore --symmetry with the packed wakeup engine',
    ['explore', '--protocol', 'wakeup', '--engine', 'packed', '--symmetry'],
    /--symmetry: the wakeup model is explored by orbits by the object engine only \(not --engine packed\)/,
  ],
  [
    'explore --symmetry with --workers on the wakeup model',
    ['explore', '--protocol', 'wakeup', '--workers', '2', '--symmetry'],
    /--symmetry: the wakeup model is explored by orbits by the sequential search \(no --workers\)/,
  ],
  [
    'explore --symmetry for the wakeup system with too many renamings',
    ['explore', '--protocol', 'wakeup', '--config', sevenHarts, '--symmetry'],
    /--symmetry: 5040 renamings of the harts, more than 720/,
  ],
  [
    'explore --no-covering for a protocol without a covering measure',
    ['explore', '--protocol', 'wakeup', '--no-covering'],
    /--no-covering: --protocol wakeup keeps every state whole in its key \(no covering reduction to turn off; UIPI has one\)/,
  ],
  [
    'explore --no-covering for the controller',
    ['explore', '--protocol', 'controller', '--engine', 'objects', '--no-covering'],
    /--no-covering: --protocol controller keeps every state whole/,
  ],
  [
    'explore --no-covering for a UIPI product',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--impl', 'reference', '--no-covering'],
    /--no-covering: the owed masks are keyed for the UIPI model alone, not its product with reference/,
  ],
  [
    'explore --symmetry for a UIPI product',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--impl', 'reference', '--symmetry'],
    /--symmetry: the UIPI model alone is explored by orbits, not its product with reference/,
  ],
  [
    'explore --engine judged for a UIPI design',
    [
      'explore',
      '--protocol',
      'uipi',
      '--preset',
      'skyloft',
      '--mutant',
      'skyloft-no-repost',
      '--engine',
      'judged',
    ],
    /--engine judged: it explores the UIPI model alone \(no --impl or --mutant\)/,
  ],
  [
    'explore --engine judged for UIPI with --symmetry',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft2', '--engine', 'judged', '--symmetry'],
    /--engine judged: it has no --symmetry \(the object engine explores UIPI by orbits\)/,
  ],
  [
    'explore --engine packed for UIPI',
    ['explore', '--protocol', 'uipi', '--preset', 'skyloft', '--engine', 'packed'],
    /--engine packed: explores --protocol wakeup only \(UIPI runs its judged engine or the object engine\)/,
  ],
  [
    'explore --engine judged for syscall by orbits',
    ['explore', '--protocol', 'syscall', '--engine', 'judged', '--symmetry'],
    /--symmetry: the syscall model is explored by orbits by its graph engine only \(not --engine judged\)/,
  ],
  [
    'explore --engine judged for a syscall implementation',
    ['explore', '--protocol', 'syscall', '--engine', 'judged', '--impl', 'reference'],
    /--engine judged: it explores the model alone \(no --impl or --mutant\)/,
  ],
  [
    'explore --symmetry for UIPI with too many renamings',
    ['explore', '--protocol', 'uipi', '--config', sevenCpus, '--symmetry'],
    /--symmetry: 5040 renamings of the CPUs and senders, more than 720/,
  ],
];

describe('bad input: exit 2, one line, no stack trace', () => {
  for (const [what, args, pattern] of CASES) {
    test.concurrent(what, async ({ expect }) => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^intcheck: /);
      expect(lines[0]).not.toMatch(/internal error|\bat .*:\d+:\d+/);
      expect(lines[0]).toMatch(pattern);
    });
  }
});
