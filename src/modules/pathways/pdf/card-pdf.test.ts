import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CardContent, renderCardsPdf } from './card-pdf.js';
import { scriptOf, shapeText, toPrintableLatin } from './pdf-text.js';

const card = (overrides: Partial<CardContent> = {}): CardContent => ({
  code: 'K7M-4QX-P',
  latinName: 'Mohammed Abdallah',
  originalScriptName: 'محمد عبد الله',
  householdCode: 'H-3RT-9',
  issuingOrganisation: 'Association Exemple',
  issuedOn: '2026-11-29',
  photo: null,
  qrUrl: 'https://passerelle.example/p/K7M-4QX-P',
  ...overrides,
});

/** The page content streams of a pdfkit document, inflated. */
function contentStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  return out.join('\n');
}

describe('shaping of names in Arabic and Ge’ez script', () => {
  it('joins Arabic letters: a letter inside a word is not its isolated form, and runs right to left', () => {
    const isolated = (letter: string) => shapeText(letter)!.glyphIds[0];
    const word = shapeText('محمد')!;
    expect(word.direction).toBe('rtl');
    expect(word.glyphIds).toHaveLength(4);
    expect(word.glyphIds).not.toContain(0);
    // Visual order: the last glyph is the first letter, meem in its initial form.
    expect(word.glyphIds.at(-1)).not.toBe(isolated('م'));
    // ...and the last letter, dal, in its final form.
    expect(word.glyphIds[0]).not.toBe(isolated('د'));
    // "Allah" becomes one ligature glyph.
    expect(shapeText('الله')!.glyphIds.length).toBeLessThan(4);
  });

  it('shapes Ge’ez syllables left to right with glyphs the font has', () => {
    const run = shapeText('ዮናስ')!;
    expect(run.direction).toBe('ltr');
    expect(run.glyphIds).toHaveLength(3);
    expect(run.glyphIds).not.toContain(0);
    expect(scriptOf('ዮናስ ተስፋይ')).toBe('ethiopic');
    expect(shapeText('Yonas')).toBeNull();
  });

  it('folds Latin letters the core font cannot print, and says so', () => {
    expect(toPrintableLatin('Şêrîn')).toEqual({ text: 'Sêrîn', folded: true });
    expect(toPrintableLatin('Hélène')).toEqual({ text: 'Hélène', folded: false });
  });
});

describe('registration card PDF', () => {
  it('is a valid PDF, ten cards to an A4 sheet', async () => {
    const pdf = await renderCardsPdf(
      Array.from({ length: 11 }, (_, i) => card({ code: `K7M-4Q${i}-P` })),
      'Registration cards',
    );
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('draws the original-script name as outlines', async () => {
    const withScript = contentStreams(await renderCardsPdf([card()], 't'));
    const latinOnly = contentStreams(await renderCardsPdf([card({ originalScriptName: null })], 't'));
    // Curve segments (`v`, `c`) come only from glyph outlines: the QR code and frames are rectangles.
    const paths = (s: string) => (s.match(/ [vc]\n/g) ?? []).length;
    expect(paths(withScript)).toBeGreaterThan(paths(latinOnly) + 20);
    const ge = contentStreams(await renderCardsPdf([card({ originalScriptName: 'ዮናስ ተስፋይ' })], 't'));
    expect(paths(ge)).toBeGreaterThan(paths(latinOnly) + 20);
  });
});
