import { identifyLanguage, LANGUAGE_NAMES, type LanguageCode } from "../stages/ingest/language.js";
import type { DocumentWarning } from "../core/diagnostic.js";

export interface LanguageVerdict {
  language: LanguageCode;
  /** Set when the rules are for another language: the document is not run through them. */
  warning: DocumentWarning | null;
}

/**
 * Whether a rule set written for `rulesLanguage` applies to `text`. A text in
 * another language is not run through it: rules for Russian find numbers in
 * an English text but misread them ("$1.2 billion" as 1.2 dollars: "billion"
 * is no Russian scale word) and name no indicator, so the document gets no
 * records and a warning saying why, instead of wrong ones or none silently.
 * A text whose language cannot be told (few letters) is run through the rules.
 */
export function languageGate(text: string, rulesLanguage: string): LanguageVerdict {
  const { code } = identifyLanguage(text);
  if (code === rulesLanguage || code === "und") return { language: code, warning: null };
  const wanted = LANGUAGE_NAMES[rulesLanguage as LanguageCode] ?? rulesLanguage;
  return {
    language: code,
    warning: { code: "language.unsupported", message: `the text is in ${LANGUAGE_NAMES[code]} (${code}); the rules are for ${wanted} (${rulesLanguage}): no records` },
  };
}
