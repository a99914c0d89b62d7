import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { cacheSubsetGlyphs } from './subset-glyph-cache';

const open = (face: string) => fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${face}.ttf`))) as fontkit.Font;

/** The subset's bytes as fontkit writes them for these texts' glyphs, in the order of first use. */
function subsetBytes(font: fontkit.Font, texts: string[]): Buffer {
  const subset = font.createSubset();
  for (const text of texts) for (const glyph of font.layout(text).glyphs) subset.includeGlyph(glyph);
  return Buffer.from(subset.encode());
}

describe('subset glyph cache', () => {
  // Accented and Cyrillic letters are compound glyphs in DejaVu: their components are renumbered in every subset.
  const letters = [
    ['Mahnung Nr. L-2026-000042', 'Hafenstraße 1, 20457 Hamburg', 'Gebühren 40,00 € · Zinsen 12,34 €'],
    ['Претензия', 'ООО «Ромашка», Санкт-Петербург, ёлка Ё', 'Überfällig: 1.190,00 €'],
    ['Müller & Söhne KG', 'Reminder: invoice INV-2026-000101 is 34 days overdue'],
  ];

  it.each(['DejaVuSans', 'DejaVuSans-Bold'])('writes the same subset as fontkit, letter after letter (%s)', (face) => {
    const plain = open(face);
    const cached = cacheSubsetGlyphs(open(face));
    // The second round builds every subset from the glyphs the first one kept.
    for (let round = 0; round < 2; round++) {
      for (const texts of letters) expect(subsetBytes(cached, texts).equals(subsetBytes(plain, texts))).toBe(true);
    }
  });

  it('renumbers a compound glyph\'s components for each subset', () => {
    const cached = cacheSubsetGlyphs(open('DejaVuSans'));
    const plain = open('DejaVuSans');
    const [umlaut] = plain.layout('Ä').glyphs as unknown as { _decode(): { numberOfContours: number } }[];
    expect(umlaut._decode().numberOfContours).toBeLessThan(0);
    // "Ä" first, then after other glyphs: its components ("A", the diaeresis) get different subset ids.
    for (const texts of [['Ä'], ['xyz', 'Ä'], ['Ä', 'A']]) expect(subsetBytes(cached, texts).equals(subsetBytes(plain, texts))).toBe(true);
  });
});
