import { Injectable } from '@nestjs/common';
import { Principal } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { Clock } from '@ar/time';
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';
import { LETTER_KINDS, LETTER_LANGUAGES, LetterKind, LetterLanguage } from './letter-kinds';
import { LetterTemplateText, templateProblems } from './letter-template';
import { LetterRepository } from './letter.repository';

export interface EffectiveTemplate extends LetterTemplateText {
  kind: LetterKind;
  language: LetterLanguage;
  /** false once an admin replaced the default. */
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The templates in force: an admin's version where one exists, else the default of that kind and language. */
@Injectable()
export class LetterTemplatesService {
  constructor(
    private readonly letters: LetterRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<EffectiveTemplate[]> {
    const overrides = await this.letters.templates();
    return LETTER_KINDS.flatMap((kind) =>
      LETTER_LANGUAGES.map((language) => {
        const own = overrides.find((o) => o.kind === kind && o.language === language);
        return own
          ? { kind, language, subject: own.subject, body: own.body, isDefault: false, updatedAt: own.updatedAt }
          : { kind, language, ...DEFAULT_LETTER_TEMPLATES[kind][language], isDefault: true, updatedAt: null };
      }),
    );
  }

  /** The text in force of every kind and language, read in one query. */
  async effectiveTemplates(): Promise<(kind: LetterKind, language: LetterLanguage) => LetterTemplateText> {
    const overrides = await this.letters.templates();
    return (kind, language) => {
      const own = overrides.find((o) => o.kind === kind && o.language === language);
      return own ? { subject: own.subject, body: own.body } : DEFAULT_LETTER_TEMPLATES[kind][language];
    };
  }

  /** Replaces a template; one that does not parse or uses an unknown field is refused (422) naming its lines. */
  async put(principal: Principal, kind: LetterKind, language: LetterLanguage, text: LetterTemplateText): Promise<EffectiveTemplate> {
    const problems = [
      ...templateProblems(text.subject).map((p) => ({ path: 'subject', message: `line ${p.line}: ${p.message}` })),
      ...templateProblems(text.body).map((p) => ({ path: 'body', message: `line ${p.line}: ${p.message}` })),
    ];
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.BusinessRule, `The template is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
    }
    const updatedAt = this.clock.now();
    await this.letters.saveTemplate({ kind, language, subject: text.subject, body: text.body, updatedBy: principal.userId, updatedAt });
    return { kind, language, ...text, isDefault: false, updatedAt };
  }

  /** Back to the default of its kind and language. */
  async reset(kind: LetterKind, language: LetterLanguage): Promise<EffectiveTemplate> {
    await this.letters.deleteTemplate(kind, language);
    return { kind, language, ...DEFAULT_LETTER_TEMPLATES[kind][language], isDefault: true, updatedAt: null };
  }
}
