import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatMoney } from '@ar/money';
import { KINDS_WITH_INTEREST_ANNEX } from './letter-kinds';
import { LetterDocument } from './letter-document';
import { formatLetterDate, LETTER_LABELS, localeOf } from './letter-labels';
import { formatCreditorReference } from './creditor-reference';
import { cacheSubsetGlyphs } from './subset-glyph-cache';

const MM = 72 / 25.4;
// Read and parsed once per process: every letter embeds the same two faces, and parsing a TrueType font costs
// more than laying out a letter (pdfkit takes the parsed font as it is; each document still makes its own subset).
const FONT = parsedFont('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = parsedFont('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/**
 * Each document's fonts keep a cache of laid-out words (pdfkit's layoutCache), which starts empty for every letter;
 * letters share most of their words, so one cache per face serves them all. Emptied every hundred letters: amounts,
 * numbers and names make the set of words unbounded, and a cached word costs about a kilobyte.
 */
const SHARED_LAYOUTS: Record<'regular' | 'bold', Record<string, unknown>> = { regular: Object.create(null), bold: Object.create(null) };
const LAYOUT_CACHE_LETTERS = 100;
let lettersSinceLayoutReset = 0;

function shareLayoutCaches(doc: PDFKit.PDFDocument): void {
  if (++lettersSinceLayoutReset > LAYOUT_CACHE_LETTERS) {
    lettersSinceLayoutReset = 0;
    SHARED_LAYOUTS.regular = Object.create(null);
    SHARED_LAYOUTS.bold = Object.create(null);
  }
  for (const face of ['bold', 'regular'] as const) {
    // pdfkit opens the face's EmbeddedFont on first use; its layoutCache is a plain object keyed by word.
    (doc.font(face) as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font.layoutCache = SHARED_LAYOUTS[face];
  }
}

function parsedFont(path: string): Buffer {
  // pdfkit's types name only the sources it reads itself; at run time it accepts a fontkit font (it has `layout`).
  return cacheSubsetGlyphs(fontkit.create(readFileSync(require.resolve(path))) as fontkit.Font) as unknown as Buffer;
}

// DIN 5008 form B on A4: text from 25 mm to 190 mm; the window's address field at 45 mm from the top
// (its first 17.7 mm for the return line), the information block at 125 mm, the subject at 98.46 mm.
const LEFT = 25 * MM;
const RIGHT = 190 * MM;
const WIDTH = RIGHT - LEFT;
const ADDRESS_TOP = 45 * MM;
const RETURN_LINE_Y = ADDRESS_TOP + 12.7 * MM;
const RECIPIENT_Y = ADDRESS_TOP + 17.7 * MM;
const INFO_X = 125 * MM;
const INFO_Y = 50 * MM;
const SUBJECT_Y = 98.46 * MM;
const BOTTOM = 297 * MM - 25 * MM;

type Column = { header: string; width: number; align?: 'left' | 'right' };

/**
 * Renders a letter as an A4 PDF in the German business-letter layout (DIN 5008), whatever its language,
 * with DejaVu Sans embedded (Latin and Cyrillic) and the payment QR code where its currency has one.
 */
export async function renderLetterPdf(letter: LetterDocument): Promise<Buffer> {
  const labels = LETTER_LABELS[letter.language];
  const money = (amount: number) => formatMoney(amount, letter.currency, localeOf(letter.language));
  const date = (value: string) => formatLetterDate(value, letter.language);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 25 * MM, left: LEFT, right: 20 * MM },
    info: { Title: letter.subject, Author: letter.sender.name, Subject: letter.number, CreationDate: new Date(`${letter.date}T12:00:00Z`) },
    lang: letter.language,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and every text here uses ours.
    font: '',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', BOLD);
  shareLayoutCaches(doc);

  // Letterhead, return line, recipient, information block, subject.
  doc.font('bold').fontSize(13).text(letter.sender.name, LEFT, 18 * MM, { width: WIDTH, align: 'right' });
  doc.font('regular').fontSize(8).text(letter.sender.addressLines.join(' · '), { width: WIDTH, align: 'right' });
  doc.fontSize(6.5).text(fitted(doc, [letter.sender.name, ...letter.sender.addressLines].join(' · '), 80 * MM), LEFT, RETURN_LINE_Y, { lineBreak: false });
  doc.fontSize(10).text([letter.recipient.name, ...letter.recipient.lines].join('\n'), LEFT, RECIPIENT_Y, { width: 80 * MM });
  const info: [string, string][] = [
    [labels.date, date(letter.date)],
    [labels.ourReference, letter.number],
    ...(letter.reference ? [[labels.paymentReference, formatCreditorReference(letter.reference)] as [string, string]] : []),
  ];
  info.forEach(([label, value], i) => {
    doc.fontSize(8).text(label, INFO_X, INFO_Y + i * 9 * MM, { width: 65 * MM });
    doc.fontSize(10).text(value, INFO_X, INFO_Y + i * 9 * MM + 3.5 * MM, { width: 65 * MM });
  });
  doc.font('bold').fontSize(11).text(letter.subject, LEFT, SUBJECT_Y, { width: WIDTH });
  doc.moveDown(1).font('regular').fontSize(10).text(letter.body, { width: WIDTH, lineGap: 1.5 });
  doc.moveDown(1);

  if (letter.statement) {
    const s = letter.statement;
    table(doc, [
      { header: labels.date, width: 24 * MM },
      { header: labels.entry, width: 55 * MM },
      { header: labels.debit, width: 28 * MM, align: 'right' },
      { header: labels.credit, width: 28 * MM, align: 'right' },
      { header: labels.balance, width: 30 * MM, align: 'right' },
    ], [
      [date(s.from), labels.openingBalance, '', '', money(s.opening)],
      ...s.entries.map((e) => [date(e.on), `${labels.entryKinds[e.kind]} ${e.text}`, e.debit ? money(e.debit) : '', e.credit ? money(e.credit) : '', money(e.balance)]),
      [date(s.to), labels.closingBalance, '', '', money(s.closing)],
    ]);
    if (letter.language === 'ru') signatureBlocks(doc, labels.signatures, [letter.sender.name, letter.recipient.name]);
  } else {
    table(doc, [
      { header: labels.invoice, width: 30 * MM },
      { header: labels.issued, width: 19 * MM },
      { header: labels.due, width: 21 * MM },
      { header: labels.amount, width: 24 * MM, align: 'right' },
      { header: labels.paid, width: 22 * MM, align: 'right' },
      { header: labels.outstanding, width: 24 * MM, align: 'right' },
      { header: labels.daysOverdue, width: 25 * MM, align: 'right' },
    ], letter.invoices.map((i) => [i.number, date(i.issueDate), date(i.dueDate), money(i.amount), money(i.paid), money(i.outstanding), String(i.daysOverdue)]));
    doc.moveDown(0.5);
    const totals: [string, string][] = [
      [labels.principal, money(letter.totals.outstanding)],
      ...(letter.totals.interest > 0 ? [[labels.interest, money(letter.totals.interest)] as [string, string]] : []),
      ...(letter.totals.fees > 0 ? [[labels.fees, money(letter.totals.fees)] as [string, string]] : []),
    ];
    for (const [label, value] of totals) keyValue(doc, label, value, 'regular');
    keyValue(doc, labels.totalDue, money(letter.totals.due), 'bold');
    if (letter.payBy) keyValue(doc, labels.payBy, date(letter.payBy), 'bold');
    await paymentBlock(doc, letter, labels.payTo, labels.paymentReference, labels.scanToPay, money(letter.totals.due));
  }

  if (KINDS_WITH_INTEREST_ANNEX.includes(letter.kind) && letter.interestPeriods.length > 0) {
    doc.addPage();
    doc.font('bold').fontSize(11).text(`${labels.annexTitle} — ${letter.number}`, LEFT, doc.page.margins.top, { width: WIDTH });
    doc.moveDown(0.8);
    table(doc, [
      { header: labels.invoice, width: 33 * MM },
      { header: labels.from, width: 21 * MM },
      { header: labels.to, width: 21 * MM },
      { header: labels.days, width: 13 * MM, align: 'right' },
      { header: labels.principal, width: 30 * MM, align: 'right' },
      { header: labels.rate, width: 19 * MM, align: 'right' },
      { header: labels.interest, width: 28 * MM, align: 'right' },
    ], letter.interestPeriods.map((p) => [p.invoiceNumber, date(p.from), date(p.to), String(p.days), money(p.principal), `${p.ratePercent.toLocaleString(localeOf(letter.language))} %`, money(p.interest)]));
    doc.moveDown(0.5);
    keyValue(doc, labels.interest, money(letter.totals.interest), 'bold');
  }
  doc.end();
  return done;
}

/** The text cut to fit the width at the current font, with an ellipsis. */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  return fittedLine(doc, text, width).text;
}

/** `fitted`, with the width the line takes. */
function fittedLine(doc: PDFKit.PDFDocument, text: string, width: number): { text: string; width: number } {
  const full = doc.widthOfString(text);
  if (full <= width) return { text, width: full };
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  const shortened = `${cut.trimEnd()}…`;
  return { text: shortened, width: doc.widthOfString(shortened) };
}

/** A table with a header row, breaking onto new pages as needed (the header repeats). */
function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]): void {
  const rowHeight = 5.2 * MM;
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    if (doc.y + rowHeight > BOTTOM) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      if (font === 'regular') drawRow(columns.map((c) => c.header), 'bold');
    }
    const y = doc.y;
    let x = LEFT;
    doc.font(font).fontSize(8);
    cells.forEach((cell, i) => {
      // One line, measured once by the fitting: placed here rather than by pdfkit's line wrapper, which would
      // measure every word again (a fifth of a letter's rendering went into its table cells).
      const line = fittedLine(doc, cell, columns[i].width - 3);
      const left = columns[i].align === 'right' ? x + columns[i].width - 1 - line.width : x + 1;
      doc.text(line.text, left, y + 1.2 * MM, { lineBreak: false });
      x += columns[i].width;
    });
    doc.moveTo(LEFT, y + rowHeight).lineTo(LEFT + columns.reduce((w, c) => w + c.width, 0), y + rowHeight).lineWidth(0.3).strokeColor('#999999').stroke();
    doc.x = LEFT;
    doc.y = y + rowHeight;
  };
  drawRow(columns.map((c) => c.header), 'bold');
  for (const row of rows) drawRow(row, 'regular');
}

function keyValue(doc: PDFKit.PDFDocument, label: string, value: string, font: 'regular' | 'bold'): void {
  if (doc.y + 6 * MM > BOTTOM) doc.addPage();
  const y = doc.y;
  doc.font(font).fontSize(9).text(label, RIGHT - 80 * MM, y, { width: 45 * MM });
  doc.text(value, RIGHT - 35 * MM, y, { width: 35 * MM, align: 'right' });
  doc.x = LEFT;
}

/** Bank details, reference and amount, and the QR code of the letter's currency (EPC for EUR, GOST for RUB). */
async function paymentBlock(doc: PDFKit.PDFDocument, letter: LetterDocument, payTo: string, reference: string, scan: string, amount: string): Promise<void> {
  const size = 34 * MM;
  if (doc.y + size + 8 * MM > BOTTOM) doc.addPage();
  const top = doc.y + 6 * MM;
  const payee = letter.sender.payee;
  doc.font('bold').fontSize(9).text(payTo, LEFT, top, { width: 110 * MM });
  doc.font('regular').fontSize(9).text(
    [payee.name, `IBAN ${payee.iban}`, `BIC ${payee.bic}`, payee.bankName, ...(letter.reference ? [`${reference}: ${formatCreditorReference(letter.reference)}`] : []), amount].join('\n'),
    { width: 110 * MM },
  );
  if (letter.qrPayload) {
    drawQrCode(doc, letter.qrPayload, RIGHT - size, top, size);
    doc.fontSize(6.5).text(scan, RIGHT - size, top + size + 1 * MM, { width: size, align: 'center' });
  }
  doc.x = LEFT;
  doc.y = Math.max(doc.y, top + size + 6 * MM);
}

function signatureBlocks(doc: PDFKit.PDFDocument, titles: [string, string], parties: [string, string]): void {
  if (doc.y + 30 * MM > BOTTOM) doc.addPage();
  const top = doc.y + 12 * MM;
  titles.forEach((title, i) => {
    const x = LEFT + i * (WIDTH / 2 + 5 * MM);
    doc.font('bold').fontSize(9).text(title, x, top, { width: WIDTH / 2 - 10 * MM });
    doc.font('regular').text(parties[i], x, top + 5 * MM, { width: WIDTH / 2 - 10 * MM });
    doc.moveTo(x, top + 22 * MM).lineTo(x + WIDTH / 2 - 15 * MM, top + 22 * MM).lineWidth(0.5).strokeColor('#000000').stroke();
  });
  doc.x = LEFT;
  doc.y = top + 26 * MM;
}

/**
 * The QR code as vector squares, a row's dark run one rectangle, with a quiet zone of two modules: sharp at any
 * zoom, and without encoding a PNG that the PDF writer would decode again (most of a letter's rendering time).
 */
function drawQrCode(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++) {
    let runStart = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        doc.rect(x + (runStart + quiet) * cell, y + (row + quiet) * cell, (col - runStart) * cell, cell);
        runStart = -1;
      }
    }
  }
  doc.fillColor('#000000').fill();
}
