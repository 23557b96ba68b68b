import type { AnnotatedDocument, LayerName } from "./annotated.js";
import type { CompiledRules } from "../rules/compile.js";

/**
 * A named pipeline stage: a function that reads the layers it `requires` and
 * adds the layers it `provides`. Stages never change the text or a layer that
 * another stage provided. The runner (src/pipeline.ts) checks the order at
 * start-up and the spans of every provided layer after each stage.
 */
export interface Stage {
  name: string;
  requires: LayerName[];
  provides: LayerName[];
  /**
   * Layers read when they are there (a stage run without them does all its
   * work): when the pipeline has them, an earlier stage must provide them.
   */
  uses?: LayerName[];
  run(doc: AnnotatedDocument, rules: CompiledRules): void;
}
