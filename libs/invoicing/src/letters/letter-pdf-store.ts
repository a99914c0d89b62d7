import { Injectable } from '@nestjs/common';
import { LetterDocument } from './letter-document';
import { LetterRenderer } from './letter-renderer';
import { Letter } from './letter.entity';
import { LetterRepository } from './letter.repository';

/**
 * A letter's PDF, rendered once from its stored document and kept: the sweep's letters right after they are
 * produced (in the letter-production queue, never inside the sweep), any other the first time it is needed.
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

  /** Renders and stores letters just produced (their documents in hand). */
  async renderAll(letters: Letter[]): Promise<void> {
    if (letters.length === 0) return;
    const pdfs = await Promise.all(letters.map((letter) => this.renderer.render(letter.document as LetterDocument)));
    await this.letters.storePdfs(letters.map((letter, i) => ({ id: letter.id, pdf: pdfs[i] })));
  }
}
