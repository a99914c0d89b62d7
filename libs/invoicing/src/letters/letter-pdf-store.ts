import { Injectable } from '@nestjs/common';
import { LetterRenderer } from './letter-renderer';
import { LetterRepository } from './letter.repository';

/**
 * A letter's PDF, rendered once from its stored document and kept. The sweep's letters are stored with theirs (see
 * LettersService.produceForDunning); a letter on demand is rendered the first time it is sent or downloaded.
 */
@Injectable()
export class LetterPdfStore {
  constructor(
    private readonly letters: LetterRepository,
    private readonly renderer: LetterRenderer,
  ) {}

  async pdf(letterId: string): Promise<Buffer | null> {
    const stored = await this.letters.pdfOrDocument(letterId);
    if (!stored) return null;
    if (stored.pdf) return stored.pdf;
    return this.letters.storePdf(letterId, await this.renderer.render(stored.document));
  }
}
