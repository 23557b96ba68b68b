import { parentPort, workerData } from "node:worker_threads";
import { compileRules } from "../rules/compile.js";
import { processDocument } from "./run-one.js";
import type { RawDocument } from "../core/document.js";

/** A worker thread: compiles the rules once, then processes documents sent to it. */
const { rulesDir, rulesVersion } = workerData as { rulesDir: string; rulesVersion: string };
const rules = compileRules(rulesDir);
if (rules.version !== rulesVersion) throw new Error(`rules changed while the run started (${rulesVersion} → ${rules.version})`);
parentPort!.on("message", (m: { seq: number; raw: RawDocument; timeoutMs: number }) => {
  parentPort!.postMessage({ seq: m.seq, outcome: processDocument(m.raw, rules, m.timeoutMs) });
});
// rules compiled: documents may come (their time budgets start now)
parentPort!.postMessage({ ready: true });
