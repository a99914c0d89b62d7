import { Injectable } from '@nestjs/common';
import { renderLetterPdf } from './letter-pdf';
import { LetterRepository } from './letter.repository';

/**
 * A letter's PDF, rendered from its stored document the first time it is needed (sent or downloaded) and kept:
 * producing letters (a sweep may ask for thousands) never waits for rendering, and nothing renders twice.
 */
@Injectable()
export class LetterPdfStore {
  constructor(private readonly letters: LetterRepository) {}

  async pdf(letterId: string): Promise<Buffer | null> {
    const stored = await this.letters.pdfOrDocument(letterId);
    if (!stored) return null;
    if (stored.pdf) return stored.pdf;
    return this.letters.storePdf(letterId, await renderLetterPdf(stored.document));
  }
}
