import { createRequire } from "node:module";

/**
 * The `yaml` package, which knows the line and column of every node: loaded
 * (synchronously) only when a message about a rule file needs a place. Rule
 * files are read with js-yaml, which is several times faster to load and run.
 */
export function locatedYaml(): typeof import("yaml") {
  return (cached ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));
}

let cached: typeof import("yaml") | undefined;
