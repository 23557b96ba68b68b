import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimTempPath, removeStaleTempFiles } from "../../src/sinks/temp-files.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pokazatel-temp-"));

/** The id of a process that has run and ended. */
function endedPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
afterAll(() => void sleeper.kill());

describe("removeStaleTempFiles", () => {
  it("removes the outputs' temporary files of processes that ended, and only those", () => {
    const dir = tmp();
    const dead = endedPid();
    const names = {
      stale: `records.jsonl.tmp-${dead}`,
      staleToo: `documents.jsonl.tmp-${endedPid()}`,
      ours: `records.jsonl.tmp-${process.pid}`,
      running: `documents.jsonl.tmp-${sleeper.pid}`,
      notAnOutput: `notes.txt.tmp-${dead}`,
      notTemporary: "records.jsonl",
      noPid: "records.jsonl.tmp-x",
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), "{}\n");
    const removed = [...removeStaleTempFiles(join(dir, "records.jsonl")), ...removeStaleTempFiles(join(dir, "documents.jsonl"))];
    expect(removed.sort()).toEqual([join(dir, names.staleToo), join(dir, names.stale)].sort());
    expect(readdirSync(dir).sort()).toEqual([names.ours, names.running, names.notAnOutput, names.notTemporary, names.noPid].sort());
  });

  it("claimTempPath names this process's own temporary file, and clears the stale ones of that output only", () => {
    const dir = tmp();
    const dead = endedPid();
    for (const n of [`records.jsonl.tmp-${dead}`, `documents.jsonl.tmp-${dead}`]) writeFileSync(join(dir, n), "{}\n");
    expect(claimTempPath(join(dir, "records.jsonl"))).toBe(join(dir, `records.jsonl.tmp-${process.pid}`));
    expect(readdirSync(dir)).toEqual([`documents.jsonl.tmp-${dead}`]);
  });

  it("passes over a folder that does not exist", () => {
    expect(removeStaleTempFiles(join(tmp(), "none", "records.jsonl"))).toEqual([]);
  });
});
