import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Poppler's tools (Debian's poppler-utils), which .ci/run installs when missing. */
function withPdfFile<T>(pdf: Buffer, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ar-pdf-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as a reader's copy-paste would give it (pdftotext), pages separated by form feeds. */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (path) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

export function pdfPageCount(pdf: Buffer): number {
  return withPdfFile(pdf, (path) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]));
}

/** Each page rendered as PNG (pdftoppm at `dpi`), or only the first `pages`. */
export function pdfPagesAsPng(pdf: Buffer, dpi = 150, pages?: number): Buffer[] {
  return withPdfFile(pdf, (path, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), ...(pages ? ['-f', '1', '-l', String(pages)] : []), path, join(dir, 'page')]);
    return readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort().map((f) => readFileSync(join(dir, f)));
  });
}

/** The payload of the QR code printed on the first page, read back from its pixels as a banking app would. */
export function qrPayloadOnFirstPage(pdf: Buffer): string | null {
  const png = PNG.sync.read(pdfPagesAsPng(pdf, 120, 1)[0]);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}
