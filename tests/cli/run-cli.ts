import { spawnSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/** Runs the built command line (`npm test` builds first). */
export function cli(args: string[], opts: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, ["bin/pokazatel", ...args], { encoding: "utf8", cwd: opts.cwd ?? process.cwd(), timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ["bin/pokazatel", ...args], { stdio: "ignore" });
}

export function jsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}
