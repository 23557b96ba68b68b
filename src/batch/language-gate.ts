import { identifyLanguage, LANGUAGE_NAMES, type LanguageCode } from "../stages/ingest/language.js";
import type { DocumentWarning } from "../core/diagnostic.js";
import type { CompiledRules } from "../rules/compile.js";

export interface LanguageVerdict {
  language: LanguageCode;
  /** The rule set for the document's language (a language folder's, `rules/en/`), or null when there is none. */
  rules: CompiledRules | null;
  /** Set when there are no rules for its language: the document is not run through any. */
  warning: DocumentWarning | null;
}

/**
 * Which of the rule sets (`rules.byLanguage`: the folder's, and a language
 * folder's such as `rules/en/`) applies to `text`: the one for its language.
 * A text in a language with no rules is not run through any: rules for
 * Russian find numbers in an English text but misread them ("$1.2 billion" as
 * 1.2 dollars: "billion" is no Russian scale word) and name no indicator, so
 * the document gets no records and a warning saying why, instead of wrong
 * ones or none silently. A text whose language cannot be told (few letters)
 * is run through the folder's own rules.
 */
export function languageGate(text: string, rules: CompiledRules): LanguageVerdict {
  const { code } = identifyLanguage(text);
  if (code === "und") return { language: code, rules, warning: null };
  const own = rules.byLanguage.get(code);
  if (own) return { language: code, rules: own, warning: null };
  const have = [...rules.byLanguage.keys()].map((l) => `${LANGUAGE_NAMES[l as LanguageCode] ?? l} (${l})`).join(" and ");
  return {
    language: code,
    rules: null,
    warning: { code: "language.unsupported", message: `the text is in ${LANGUAGE_NAMES[code]} (${code}); the rules are for ${have}: no records` },
  };
}
