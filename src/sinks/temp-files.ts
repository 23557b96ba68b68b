import { readdirSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Output files are written beside their final names, as `NAME.tmp-PID`, and
 * renamed into place when complete: readers never see half a file, and a run
 * that stops leaves the last complete files as they were. This module keeps
 * the list of such files this process has open, removes them when the run is
 * interrupted (SIGINT, SIGTERM), and removes those that a run killed outright
 * (SIGKILL, a crash) left behind: the next run's start finds them by their
 * process id, which no longer runs. A nightly job stopped by its scheduler
 * left one of 9 GB before this.
 */
const open = new Set<string>();

/** The temporary name this process writes `path` under. */
export function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/** Notes that `tmp` is being written (removed by `removeOpenTempFiles` until `closed`). */
export function opened(tmp: string): void {
  open.add(tmp);
}

/** Notes that `tmp` was renamed into place or removed. */
export function closed(tmp: string): void {
  open.delete(tmp);
}

/**
 * Removes every temporary file this process is writing. Synchronous, for a
 * signal handler that exits right after (Linux removes a file still open).
 */
export function removeOpenTempFiles(): void {
  for (const f of open) rmSync(f, { force: true });
  open.clear();
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
