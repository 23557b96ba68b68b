import { describe, expect, it } from "vitest";
import { checkOrder, runDocument, RU_STAGES } from "../src/pipeline.js";
import { compileRules } from "../src/rules/compile.js";
import type { Stage } from "../src/core/stage.js";
import { segmentStage } from "../src/stages/segment/index.js";
import { rawDoc } from "./core/run.js";

const rules = compileRules("rules");

describe("the pipeline's stage list", () => {
  it("is in an order where every stage has what it requires", () => {
    expect(() => checkOrder(RU_STAGES)).not.toThrow();
  });

  it("rejects a stage placed before the one that provides its input, naming both", () => {
    const [segment, periods, ...rest] = RU_STAGES;
    expect(() => checkOrder([periods, segment, ...rest])).toThrow(/stage "detect\.periods" requires tokens, sentences/);
    expect(() => checkOrder([segment, segment])).toThrow(/layer "tokens" is provided twice/);
  });

  it("rejects a stage placed before the one that provides a layer it uses, and lets it run where no stage does", () => {
    const territories = RU_STAGES.find((s) => s.name === "detect.territories")!;
    const quantities = RU_STAGES.find((s) => s.name === "detect.quantities")!;
    const [segment, periods] = RU_STAGES;
    expect(() => checkOrder([segment, periods, territories, quantities])).toThrow(/stage "detect\.territories" uses quantities, which a later stage provides/);
    expect(() => checkOrder([segment, territories])).not.toThrow();
  });
});

describe("the span check after each stage", () => {
  const text = "📈 Рост 5%";
  const badStage = (start: number, end: number): Stage => ({
    name: "test.bad",
    requires: ["tokens"],
    provides: ["quantities"],
    run(doc) {
      doc.layers.quantities = [{ start, end } as never];
    },
  });

  it.each([
    ["past the end", 3, text.length + 1],
    ["reversed", 5, 3],
    ["inside a surrogate pair (the emoji)", 1, 4],
  ])("stops a stage that makes a span %s, naming the stage", (_, start, end) => {
    expect(() => runDocument(rawDoc(text), rules, [segmentStage, badStage(start, end)])).toThrow(/stage "test\.bad" made a bad span/);
  });

  it("checks the layers of one span per item too (tokens, sentences, mentions)", () => {
    const badCues: Stage = {
      name: "test.bad_cues",
      requires: ["tokens"],
      provides: ["cues"],
      run(doc) {
        doc.layers.cues = [{ start: 1, end: 4 } as never];
      },
    };
    expect(() => runDocument(rawDoc(text), rules, [segmentStage, badCues])).toThrow(/stage "test\.bad_cues" made a bad span \[1, 4\) in layer "cues"/);
  });

  it.each([
    ["past the end", 3, 12],
    ["reversed", 5, 3],
    ["before the start", -1, 2],
  ])("in a text without surrogates too: a span %s", (_, start, end) => {
    expect(() => runDocument(rawDoc("Рост 5%"), rules, [segmentStage, badStage(start, end)])).toThrow(/stage "test\.bad" made a bad span/);
  });

  it("lets good spans through", () => {
    expect(() => runDocument(rawDoc(text), rules, [segmentStage, badStage(2, 6)])).not.toThrow();
  });
});
