import { createRequire } from "node:module";

/**
 * The js-yaml package, which reads the data of rule and outlet files: loaded
 * (synchronously) on first use, which is only when a file is not in the cache
 * of validated files (src/rules/rule-cache.ts). A run whose files are cached
 * never loads a YAML parser.
 */
export function dataYaml(): typeof import("js-yaml") {
  return (cached ??= createRequire(import.meta.url)("js-yaml") as typeof import("js-yaml"));
}

let cached: typeof import("js-yaml") | undefined;
