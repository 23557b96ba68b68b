import type { Stage } from "../../core/stage.js";
import { tokenize } from "./tokens.js";
import { splitSentences } from "./sentences.js";

export const segmentStage: Stage = {
  name: "segment",
  requires: [],
  provides: ["tokens", "sentences"],
  run(doc, rules) {
    const tokens = tokenize(doc.text, 0, doc.text.length, rules.classifier);
    doc.layers.tokens = tokens;
    doc.layers.sentences = splitSentences(doc.text, tokens, rules);
  },
};
