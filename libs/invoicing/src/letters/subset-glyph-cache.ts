import type { Font } from 'fontkit';

/** What one glyph adds to a TrueType subset: its glyf bytes, the components of a compound glyph, its metrics. */
interface SubsetGlyph {
  bytes: Uint8Array;
  /** For a compound glyph: each component's glyph id and where the bytes hold it (renumbered in every subset). */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** The parts of fontkit's TTFSubset (fontkit 2.0) that `_addGlyph` works with. */
interface TrueTypeSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

interface TrueTypeFont {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(gid: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
  createSubset(): TrueTypeSubset;
}

/**
 * fontkit's TrueType subset decodes each glyph's whole outline again for every document, only to learn whether it
 * is a compound glyph and of what, and reads its bytes and metrics again: half of a letter's font embedding, and a
 * letter embeds mostly the glyphs the previous one did. With the font parsed once per process, this keeps what each
 * glyph adds to a subset, so it is decoded once; the subset's bytes stay exactly fontkit's (a unit test compares).
 * A variable font re-encodes its outlines per instance and is left as it is.
 */
export function cacheSubsetGlyphs<F extends Font>(parsed: F): F {
  const font = parsed as unknown as TrueTypeFont;
  const probe = font.createSubset();
  if (font._variationProcessor || !('_addGlyph' in probe) || !font.loca) return parsed;
  const glyphs = new Map<number, SubsetGlyph>();
  const describe = (gid: number): SubsetGlyph => {
    const glyph = font.getGlyph(gid);
    const outline = glyph._decode();
    const stream = font._getTableStream('glyf');
    stream.pos += font.loca.offsets[gid];
    const bytes = Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1] - font.loca.offsets[gid]));
    const components = outline && outline.numberOfContours < 0 ? (outline.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
    return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
  };
  const Subset = probe.constructor as new (font: TrueTypeFont) => TrueTypeSubset;
  class CachedGlyphSubset extends Subset {
    override _addGlyph(gid: number): number {
      let glyph = glyphs.get(gid);
      if (!glyph) glyphs.set(gid, (glyph = describe(gid)));
      let bytes = glyph.bytes;
      if (glyph.components) {
        // A compound glyph names its components by glyph id, which each subset numbers anew.
        bytes = Uint8Array.from(bytes);
        const view = new DataView(bytes.buffer);
        for (const component of glyph.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    }
  }
  font.createSubset = () => new CachedGlyphSubset(font);
  return parsed;
}
