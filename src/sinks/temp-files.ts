import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Output files are written beside their final names, as `NAME.tmp-PID`, and
 * renamed into place when complete: readers never see half a file, and a run
 * that stops leaves the last complete files as they were. A run stopped
 * before the rename (SIGTERM from a scheduler's time limit, Ctrl-C, kill -9, a
 * crash) leaves its temporary files: the next run into the folder removes
 * them, found by their process id, which no longer runs. (A nightly job left
 * one of 9 GB.) Removing them at the signal instead would need a handler on
 * the event loop, and would make SIGTERM wait for the document in hand.
 */

/** The temporary name this process writes `path` under. */
export function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/**
 * Removes the temporary files of `paths` (`PATH.tmp-PID`) whose process no
 * longer runs. Those of a live process (another run writing the same
 * folder) are left alone. Resolves to the files removed.
 */
export async function removeStaleTempFiles(paths: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const wanted = new Set(paths.filter((p) => dirname(p) === dir).map((p) => basename(p)));
    for (const name of names) {
      const m = /^(.*)\.tmp-(\d+)$/.exec(name);
      if (!m || !wanted.has(m[1]) || isRunning(Number(m[2]))) continue;
      const file = join(dir, name);
      await rm(file, { force: true });
      removed.push(file);
    }
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
