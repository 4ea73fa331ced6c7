/**
 * Starting a DUT's command line: under `/bin/sh -c`, in a process group of its own (so the
 * whole group can be killed at the end, whatever the command started), all three standard
 * streams piped.
 */
import { type ChildProcess, spawn } from 'node:child_process';

/**
 * A command without shell syntax (no lists, pipes, redirections, substitutions, and no variable
 * assignment or `cd` first): run with `exec`, so the DUT is the child itself and its exit status,
 * signal and closed output are seen directly rather than through a waiting shell.
 */
const SIMPLE = /^(?![\w]+=|cd\s|exec\s)[^;&|<>()`$\n]+$/;

/** Spawns `command` as the leader of a new process group. */
export function spawnDut(command: string): ChildProcess {
  const line = SIMPLE.test(command) ? `exec ${command}` : command;
  return spawn('/bin/sh', ['-c', line], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
}
