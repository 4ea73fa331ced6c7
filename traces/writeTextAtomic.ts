/**
 * Writes a file atomically, for every file intcheck produces (traces, counterexamples, pages): the
 * text goes to a temporary file beside the target, is flushed, then renamed over it, and the
 * directory is synced where the platform allows, so a crash or a parallel reader never sees half
 * a file. Missing parent directories are created.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/** Puts `text` at `path` atomically (temporary file, fsync, rename, directory sync). */
export function writeTextAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${tempCounter++}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  syncDirectory(dir);
}

/** Makes the rename itself durable where the platform allows fsync on a directory. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms refuse fsync on directories; the file itself is already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
