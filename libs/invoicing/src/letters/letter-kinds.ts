export const LETTER_KINDS = ['courtesy', 'reminder', 'final_notice', 'pre_trial_claim', 'statement'] as const;
/** What can be asked for on demand (POST /v1/letters): a courtesy reminder comes only from a policy, before the due date. */
export const ON_DEMAND_LETTER_KINDS = ['reminder', 'final_notice', 'pre_trial_claim', 'statement'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_LANGUAGES = ['de', 'en', 'ru'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** A client's or contact's language, where letters exist in it; any other reads English. */
export function letterLanguage(...preferences: (string | null | undefined)[]): LetterLanguage {
  const found = preferences.map((p) => p?.toLowerCase().slice(0, 2)).find((p) => p !== undefined && (LETTER_LANGUAGES as readonly string[]).includes(p));
  return (found as LetterLanguage | undefined) ?? 'en';
}

/** Letters that claim overdue invoices print an annex with the interest periods from this kind on. */
export const KINDS_WITH_INTEREST_ANNEX: readonly LetterKind[] = ['final_notice', 'pre_trial_claim'];
