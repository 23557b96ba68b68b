import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Output files are written beside their final names, as `NAME.tmp-PID`, and
 * renamed into place when complete: readers never see half a file, and a run
 * that stops leaves the last complete files as they were. A run stopped
 * before the rename (SIGTERM from a scheduler's time limit, Ctrl-C, kill -9, a
 * crash) leaves its temporary file: the next one to write that output removes
 * it, found by its process id, which no longer runs. (A nightly job left one
 * of 9 GB.) Removing them at the signal instead would need a handler on the
 * event loop, and would make SIGTERM wait for the document in hand.
 */

/**
 * The temporary name this process writes `path` under. The temporary files of
 * `path` that processes no longer running left are removed first.
 */
export function claimTempPath(path: string): string {
  removeStaleTempFiles(path);
  return `${path}.tmp-${process.pid}`;
}

/**
 * Removes the temporary files of `path` (`PATH.tmp-PID`) whose process no
 * longer runs. Those of a live process (another run writing the same
 * folder) are left alone. Returns the files removed.
 */
export function removeStaleTempFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    const m = /^(.*)\.tmp-(\d+)$/.exec(n);
    if (!m || m[1] !== name || isRunning(Number(m[2]))) continue;
    const file = join(dir, n);
    rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/** Whether a process with this id runs (one of another user's counts). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
