/**
 * The work of `intcheck replay` (cli/commands/replay.ts registers the command and loads this only
 * when it runs): the trace read by its protocol, replayed on the implementation it names (or
 * `--impl`, or a DUT), the report printed, the timeline written when asked.
 */

import { readTrace } from '../../protocols/readTrace.ts';
import { findProperty } from '../../protocols/registry.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { dutOptions } from './conformDut.ts';
import type { ReplayFlags } from './replay.ts';
import { replayOnDut } from './replayDut.ts';
import { writeReplayHtml } from './replayHtml.ts';

async function runReplayDut(file: string, f: ReplayFlags, command: string, io: Io): Promise<number> {
  if (f.impl !== undefined) throw new UsageError('--impl and --dut cannot be used together');
  if (f.html !== undefined)
    throw new UsageError('--html and --dut cannot be used together (replay, then draw the trace it saves)');
  if (f.matchStates === true) throw new UsageError('--match-states and --dut cannot be used together');
  const o = dutOptions(f);
  return replayOnDut(file, command, o, f.json === true, f.against, io);
}

/** Replays `file` as `f` asks (on the model and an implementation, or on a DUT); the exit code. */
export async function runReplay(file: string, f: ReplayFlags, io: Io): Promise<number> {
  return f.dut === undefined ? replayBuiltIn(file, f, io) : runReplayDut(file, f, f.dut, io);
}

function replayBuiltIn(file: string, f: ReplayFlags, io: Io): number {
  if (f.against !== undefined) throw new UsageError('--against needs --dut (without it, use --impl)');
  const choice = {
    ...(f.preset === undefined ? {} : { preset: f.preset }),
    ...(f.config === undefined ? {} : { config: f.config }),
  };
  const trace = readTrace(file, choice);
  const protocol = trace.header.protocol;
  const name = f.impl ?? trace.header.implementation;
  const replay = trace.replay(name);
  if (replay === undefined) {
    if (f.impl === undefined && name.startsWith('dut:')) {
      throw new UsageError(
        `the trace was found on the external design "${name.slice(4)}": replay it with --dut "<command line>" (or --impl reference)`,
      );
    }
    const where =
      f.impl === undefined
        ? `the trace names ${protocol} implementation "${name}"`
        : `--impl: unknown ${protocol} implementation "${name}"`;
    throw new UsageError(`${where}, which is not built in (known: ${trace.implementations.join(', ')})`);
  }
  if (f.matchStates === true && replay.matchStates === undefined) {
    throw new UsageError(`--match-states: ${protocol} traces are not compared state by state`);
  }
  if (f.html !== undefined) writeReplayHtml(f.html, replay.timeline(findProperty));
  const mismatch = f.matchStates === true ? (replay.matchStates?.() ?? null) : null;
  const v = replay.verdict;
  if (f.json) {
    io.out(
      JSON.stringify({
        ...(v.ok
          ? { ok: mismatch === null, file, implementation: name, steps: v.steps }
          : { ok: false, file, implementation: name, ...v.violation }),
        ...(mismatch === null ? {} : { stateMismatch: mismatch }),
      }),
    );
  } else {
    io.out(replay.text());
    if (f.html !== undefined) io.out(`timeline: ${f.html}`);
    if (mismatch !== null) io.out(`state ${mismatch.state} differs: ${mismatch.message}`);
    else if (f.matchStates) io.out('every recorded state matches the replay');
  }
  return v.ok && mismatch === null ? EXIT.ok : EXIT.failed;
}
