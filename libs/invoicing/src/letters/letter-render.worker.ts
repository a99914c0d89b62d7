import { LetterDocument } from './letter-document';
import { renderLetterPdf } from './letter-pdf';

/** Runs in a piscina worker thread (LetterRenderer): one letter's PDF from its document. */
export default function renderInWorker(document: LetterDocument): Promise<Buffer> {
  return renderLetterPdf(document);
}
