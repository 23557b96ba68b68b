import { createRequire } from "node:module";
import type { z as Zod } from "zod";

/**
 * Schemas of the rule files in rules/. Every object is strict: an unknown key
 * is an error (a misspelt key must never be silently ignored). Each file says
 * what it holds with `kind:`; several files may share a kind (their entries
 * are merged, and an id defined twice is an error naming both places).
 */

/** Languages a rule file may be written for: those `identifyLanguage` tells documents apart in. */
export const RULE_LANGUAGES = ["ru", "kk", "en"] as const;

/** The kinds of rule file, in the order their schemas are listed. */
export const RULE_KINDS = ["numerals", "units", "qualifiers", "abbreviations", "periods", "measures", "indicators", "territories", "outlets"] as const;

function build(z: typeof Zod) {
  const id = z.string().regex(/^[a-z0-9_]+(?:[-.][a-z0-9_]+)*$/i, "ids are letters, digits, _ and - (e.g. fixed_capital_investment)");
  const words = z.array(z.string().min(1)).min(1);
  const patternStr = z.string().min(1);
  const value = z.union([z.number(), z.string().regex(/^\d+(?:\.\d+)?(?:\/\d+)?$/, 'a number, or a fraction "1/3"')]);
  // the languages documents are told apart in (src/stages/ingest/language.ts): a rule set applies to documents in its own
  const language = z.enum(RULE_LANGUAGES, { message: `a language documents are told apart in: ${RULE_LANGUAGES.join(", ")}` }).default("ru");
  const header = { kind: z.string(), language, description: z.string().optional() };

  const numeralsFile = z
    .object({
      ...header,
      kind: z.literal("numerals"),
      cardinals: z.array(z.object({ id, value, forms: words }).strict()),
      scales: z.array(z.object({ id, value: z.number(), forms: words, abbreviations: z.array(z.string()).default([]) }).strict()),
      ordinals: z.array(z.object({ id, value: z.number(), forms: words }).strict()),
      multipliers: z.array(
        z.object({ id, value: z.number(), forms: words, role: z.enum(["adjective", "adverb"]) }).strict(),
      ),
      fractions: z.array(z.object({ id, value, forms: words }).strict()),
      vague: z.array(z.object({ id, forms: words }).strict()).default([]),
      ordinal_suffixes: z.array(z.string()).default([]),
      glued_ordinal_suffixes: z.array(z.string()).default([]),
      number_word_parts: z.array(z.string().min(1)).default([]),
      ranges: z.object({ open: z.array(z.string().min(1)).default([]), to: z.array(z.string().min(1)).default([]) }).strict().default({ open: [], to: [] }),
      transitions: z.object({ from: z.array(z.string().min(1)).default([]), to: z.array(z.string().min(1)).default([]) }).strict().default({ from: [], to: [] }),
      joiners: z.array(z.string().min(1)).default([]),
    })
    .strict();

  const unitsFile = z
    .object({
      ...header,
      kind: z.literal("units"),
      units: z.array(
        z
          .object({
            id,
            type: z.enum(["money", "percent", "pp", "ratio", "quantity", "duration", "rank"]),
            code: z.string().min(1),
            forms: z.array(z.string().min(1)).default([]),
            abbreviations: z.array(z.string().min(1)).default([]),
            symbols: z.array(z.string().min(1)).default([]),
            before: z.array(z.string().min(1)).default([]),
            after: z.array(z.string().min(1)).default([]),
            requires_before: z.boolean().default(false),
            requires_preposition: z.array(z.string()).default([]),
          })
          .strict(),
      ),
      // "в 3 млрд и 75 млн": words that may follow a scaled number whose currency was left out (it takes the one named before)
      ellipsis_followers: z.array(z.string().min(1)).default([]),
    })
    .strict();

  const qualifiersFile = z
    .object({
      ...header,
      kind: z.literal("qualifiers"),
      qualifiers: z.array(
        z
          .object({
            id,
            qualifier: z.enum(["approx", "over", "under", "at_least", "at_most", "almost"]),
            forms: words,
          })
          .strict(),
      ),
      // "до 5%": a word before a number that makes it an upper bound, unless a change word before it makes it the level reached
      upper_bound: z.array(z.string().min(1)).default([]),
      // "почти на 5%": prepositions that may stand between a qualifier and its number
      governing: z.array(z.string().min(1)).default([]),
      // "by only 0.4%": words between the governing word and its number that say nothing of the amount
      fillers: z.array(z.string().min(1)).default([]),
    })
    .strict();

  const abbreviationsFile = z
    .object({
      ...header,
      kind: z.literal("abbreviations"),
      no_sentence_break_after: words,
      may_end_after_number: z.array(z.string()).default([]),
    })
    .strict();

  const resolver = z.enum([
    "months_to_date",
    "month_range",
    "month",
    "quarter",
    "half_year",
    "year",
    "year_range",
    "each_year",
    "year_relative",
    "until_year",
    "by_year",
    "year_start",
    "year_end",
    "year_to_date",
    "date",
    "earlier",
  ]);

  const periodsFile = z
    .object({
      ...header,
      kind: z.literal("periods"),
      months: z.array(z.object({ month: z.number().int().min(1).max(12), forms: words }).strict()).length(12),
      relative_years: z.array(z.object({ id, shift: z.number().int(), patterns: z.array(patternStr).min(1) }).strict()),
      periods: z.array(
        z
          .object({
            id,
            patterns: z.array(patternStr).min(1),
            resolve: resolver,
            kind: z.enum(["actual", "plan", "target"]).optional(),
            shift: z.number().int().default(0),
            n: z.number().int().min(1).max(12).optional(),
          })
          .strict(),
      ),
      plan_cues: z.array(patternStr).default([]),
      year_words: z.array(z.string().min(1)).default([]),
      year_joiners: z.array(z.string().min(1)).default([]),
      year_before: z.array(z.string().min(1)).default([]),
      year_after_month: z.boolean().default(false),
      // "2.5 billion in 2024": a period right after the figure is its own, before one earlier in the sentence
      period_after_figure: z.boolean().default(false),
      target_before: z.array(z.string().min(1)).default([]),
    })
    .strict();

  const measuresFile = z
    .object({
      ...header,
      kind: z.literal("measures"),
      change_up: z.array(patternStr),
      change_down: z.array(patternStr),
      comparative_up: z.array(patternStr),
      comparative_down: z.array(patternStr),
      change_nouns: z.array(patternStr),
      share: z.array(patternStr),
      share_after: z.array(patternStr),
      rank_nouns: words,
      rank_peer_set: z.array(patternStr).default([]),
      change_prepositions: z.array(z.string().min(1)).default([]),
      asserting: z.array(z.string().min(1)).default([]),
      respectively: z.array(z.string().min(1)).default([]),
      // "12% higher than a year earlier": a comparative right after the number makes it a change with no preposition before it
      comparative_alone: z.boolean().default(false),
      // "exports rose 12%": change verbs that make the number right after them the change, with no preposition
      change_verbs_alone: z.array(z.string().min(1)).default([]),
      // "ranks first", "ranked 3rd": an ordinal right after one of these words is a rank with no rank noun after it
      rank_verbs: z.array(z.string().min(1)).default([]),
      // "чем в прошлом году", "than a year earlier": a period a few words after one of these is the base of a comparison
      base_words: z.array(z.string().min(1)).default([]),
      bases: z.array(z.object({ id, base: z.string(), patterns: z.array(patternStr).min(1) }).strict()).default([]),
    })
    .strict();

  const cue = z.union([
    patternStr,
    z
      .object({
        pattern: patternStr,
        weight: z.number().min(0).max(2).default(1),
        scope: z.enum(["any", "region", "country"]).default("any"),
        role: z.enum(["indicator", "subject"]).default("indicator"),
        after: id.optional(),
      })
      .strict(),
  ]);

  const indicatorsFile = z
    .object({
      ...header,
      kind: z.literal("indicators"),
      unit_groups: z.record(z.string(), z.array(z.string())).optional(),
      indicators: z.array(
        z
          .object({
            code: id,
            label: z.string().min(1),
            units: z.array(z.string()).min(1),
            cues: z.array(cue).default([]),
            counted: z
              .array(
                z
                  .object({
                    pattern: patternStr,
                    lemma: z.string().min(1),
                    requires: z.array(patternStr).default([]),
                  })
                  .strict(),
              )
              .default([]),
            subjects: z.array(patternStr).default([]),
          })
          .strict(),
      ),
      refer_back: z.array(patternStr).default([]),
    })
    .strict();

  const place = z
    .object({
      name: z.string().min(1),
      kind: z.enum(["city", "town", "district", "village"]),
      forms: words,
      weak: z.boolean().default(false),
    })
    .strict();

  const territoriesFile = z
    .object({
      ...header,
      kind: z.literal("territories").default("territories"),
      country: z
        .object({
          code: z.literal("KZ"),
          name: z.string(),
          forms: words,
          // "Kazakhstan's GDP": a form of the country right before an indicator's cue names the cue's territory
          before_cue: z.boolean().default(false),
        })
        .strict(),
      regions: z.array(
        z
          .object({
            code: z.string().regex(/^KZ-\d{2}$/),
            name: z.string().min(1),
            forms: words,
            former: z.array(z.string()).default([]),
            centre: z.string().min(1),
            places: z.array(place).default([]),
            akims: z
              .array(
                z
                  .object({
                    name: z.string().min(1),
                    forms: words,
                    from: z.number().int().nullable().default(null),
                    to: z.number().int().nullable().default(null),
                  })
                  .strict(),
              )
              .default([]),
          })
          .strict(),
      ),
      // endings a name takes as the owner of what follows ("Almaty's", "the Almaty region's"): each
      // name also matches with its last word so ended
      possessive: z.array(z.string().min(1)).default([]),
      references: z
        .object({
          region: z.array(patternStr).default([]),
          centre: z.array(patternStr).default([]),
          city: z.array(patternStr).default([]),
          country: z.array(patternStr).default([]),
          city_cues: z.array(z.string()).default([]),
          akim_cues: z.array(z.string()).default([]),
          locative: z.array(z.string()).default([]),
          elsewhere: z.array(z.string()).default([]),
          country_endings: z.array(z.string()).default([]),
          list_joiners: z.array(z.string()).default([]),
        })
        .strict()
        .default({ region: [], centre: [], city: [], country: [], city_cues: [], akim_cues: [], locative: [], elsewhere: [], country_endings: [], list_joiners: [] }),
    })
    .strict();

  /**
   * Known news outlets, read by the ingest stage (src/stages/ingest/outlets.ts,
   * which validates the file with this schema too, and also refuses a name
   * given to two outlets).
   */
  const outletsFile = z
    .object({
      ...header,
      kind: z.literal("outlets").default("outlets"),
      outlets: z.array(
        z
          .object({
            name: z.string().trim().min(1),
            domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a lower-case domain such as baq.kz")).default([]),
            aliases: z.array(z.string().trim().min(1)).default([]),
          })
          .strict(),
      ),
    })
    .strict();

  return {
    numerals: numeralsFile,
    units: unitsFile,
    qualifiers: qualifiersFile,
    abbreviations: abbreviationsFile,
    periods: periodsFile,
    measures: measuresFile,
    indicators: indicatorsFile,
    territories: territoriesFile,
    outlets: outletsFile,
  } as const;
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/**
 * The schemas, built on first use. zod is loaded then (through its CommonJS
 * entry, synchronously): a run whose rule files come from the validated cache
 * (src/rules/rule-cache.ts) never loads it.
 */
export function ruleSchemas(): Schemas {
  return (built ??= build((createRequire(import.meta.url)("zod") as { z: typeof Zod }).z));
}

export type RuleKind = (typeof RULE_KINDS)[number];
export type NumeralsFile = Zod.infer<Schemas["numerals"]>;
export type UnitsFile = Zod.infer<Schemas["units"]>;
export type QualifiersFile = Zod.infer<Schemas["qualifiers"]>;
export type AbbreviationsFile = Zod.infer<Schemas["abbreviations"]>;
export type PeriodsFile = Zod.infer<Schemas["periods"]>;
export type MeasuresFile = Zod.infer<Schemas["measures"]>;
export type IndicatorsFile = Zod.infer<Schemas["indicators"]>;
export type TerritoriesFile = Zod.infer<Schemas["territories"]>;
