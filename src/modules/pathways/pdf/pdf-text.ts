import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/*
 * Text on cards and slips. Latin text uses the PDF core font Helvetica (WinAnsi encoding).
 * Arabic-script and Ge'ez text is drawn as glyph outlines: pdfkit cannot embed the information
 * site's WOFF2 subsets (its subsetter reads the raw `glyf` table through `loca`, which WOFF2
 * transforms away), and we reuse those files rather than ship more fonts. fontkit shapes the
 * text with the fonts' OpenType tables (Arabic joining forms, ligatures, mark positioning) and
 * returns right-to-left runs in visual order; we draw each glyph's path. The result prints
 * exactly, but it is not selectable text, and one run is drawn in one direction: digits or Latin
 * letters inside an Arabic-script string would come out reversed, so callers keep them apart.
 */

type Doc = InstanceType<typeof PDFDocument>;
type Font = fontkit.Font;

function fontsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From src/modules/pathways/pdf (tsx) or dist/src/modules/pathways/pdf (built): the source files.
  const candidates = [
    resolve(here, '../../information/public-assets/fonts'),
    resolve(here, '../../../../../src/modules/information/public-assets/fonts'),
  ];
  return (
    candidates.find((dir) => existsSync(resolve(dir, 'NotoNaskhArabic-Regular.subset.woff2'))) ??
    candidates[0]!
  );
}

let loaded: { arabic: Font; ethiopic: Font } | null = null;
function fonts() {
  if (!loaded) {
    const dir = fontsDir();
    loaded = {
      arabic: fontkit.openSync(resolve(dir, 'NotoNaskhArabic-Regular.subset.woff2')) as Font,
      ethiopic: fontkit.openSync(resolve(dir, 'NotoSansEthiopic-Regular.subset.woff2')) as Font,
    };
  }
  return loaded;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/;

export function scriptOf(text: string): 'arabic' | 'ethiopic' | 'latin' {
  if (ARABIC.test(text)) return 'arabic';
  if (ETHIOPIC.test(text)) return 'ethiopic';
  return 'latin';
}

// Characters of Windows-1252 beyond Latin-1 that the core fonts can print.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(c);
};
const FOLDS: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ŋ: 'n',
  ə: 'e',
  Ə: 'E',
};

/**
 * Latin text the core font can print. Letters outside Windows-1252 (Kurmanji ş, Turkish ğ) lose
 * their diacritic (ş → s) rather than print as garbage; `folded` says that happened, and the card
 * then carries the note that the name is shown without some diacritics.
 */
export function toPrintableLatin(text: string): { text: string; folded: boolean } {
  let folded = false;
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (isWinAnsi(c)) {
      out += c;
      continue;
    }
    folded = true;
    const base = FOLDS[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...base].every(isWinAnsi) ? base : '?';
  }
  return { text: out, folded };
}

export interface OutlineOptions {
  size: number;
  /** Right edge for right-to-left text, left edge otherwise. */
  x: number;
  /** Baseline. */
  y: number;
  maxWidth?: number;
  color?: string;
}

/** The glyphs fontkit chose for a run (visual order): what the card draws, for checking the shaping. */
export function shapeText(text: string): { direction: 'ltr' | 'rtl'; glyphIds: number[] } | null {
  const script = scriptOf(text);
  if (script === 'latin') return null;
  const run = (script === 'arabic' ? fonts().arabic : fonts().ethiopic).layout(text);
  return { direction: run.direction === 'rtl' ? 'rtl' : 'ltr', glyphIds: run.glyphs.map((g) => g.id) };
}

/** Draws Arabic-script or Ge'ez text as shaped outlines; returns the width drawn (0 for Latin). */
export function drawOutlinedText(doc: Doc, text: string, options: OutlineOptions): number {
  const script = scriptOf(text);
  if (script === 'latin') return 0;
  const font = script === 'arabic' ? fonts().arabic : fonts().ethiopic;
  const run = font.layout(text);
  let size = options.size;
  const natural = run.advanceWidth * (size / font.unitsPerEm);
  if (options.maxWidth && natural > options.maxWidth) size = (size * options.maxWidth) / natural;
  const scale = size / font.unitsPerEm;
  const width = run.advanceWidth * scale;
  let cursor = run.direction === 'rtl' ? options.x - width : options.x;
  doc.save();
  doc.fillColor(options.color ?? 'black');
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    const path = glyph.path
      .scale(scale, -scale)
      .translate(cursor + position.xOffset * scale, options.y - position.yOffset * scale);
    const svg = path.toSVG();
    if (svg) doc.path(svg).fill();
    cursor += position.xAdvance * scale;
  });
  doc.restore();
  return width;
}
