import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/*
 * Writing people's names and an Arabic template in a PDF. Latin text uses the PDF core font
 * Helvetica; Arabic-script and Ge'ez text is shaped by fontkit with the Noto subsets the public
 * information site already ships, and drawn as glyph outlines (pdfkit cannot embed WOFF2). Text
 * is cut into runs of one script each, so digits and Latin words inside Arabic keep their own
 * direction; runs are laid out right to left for a right-to-left page.
 */

type Doc = InstanceType<typeof PDFDocument>;
type Script = 'arabic' | 'ethiopic' | 'latin';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/;

function fontsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From src/… (tsx) or dist/src/… (built): the font files live in the source tree.
  const candidates = [
    resolve(here, '../../information/public-assets/fonts'),
    resolve(here, '../../../../../src/modules/information/public-assets/fonts'),
  ];
  return (
    candidates.find((dir) => existsSync(resolve(dir, 'NotoNaskhArabic-Regular.subset.woff2'))) ??
    candidates[0]!
  );
}

let fonts: Record<'arabic' | 'ethiopic', fontkit.Font> | null = null;
function shapingFont(script: 'arabic' | 'ethiopic'): fontkit.Font {
  if (!fonts) {
    const dir = fontsDir();
    fonts = {
      arabic: fontkit.openSync(resolve(dir, 'NotoNaskhArabic-Regular.subset.woff2')) as fontkit.Font,
      ethiopic: fontkit.openSync(resolve(dir, 'NotoSansEthiopic-Regular.subset.woff2')) as fontkit.Font,
    };
  }
  return fonts[script];
}

function scriptOf(word: string): Script {
  if (ARABIC.test(word)) return 'arabic';
  if (ETHIOPIC.test(word)) return 'ethiopic';
  return 'latin';
}

const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function printableLatin(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    const code = c.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(c)) out += c;
    else {
      // A letter the core font lacks loses its diacritic (ş → s) rather than printing as garbage.
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every((b) => b.charCodeAt(0) < 0x7f) && base.length > 0 ? base : '?';
    }
  }
  return out;
}

export interface Run {
  script: Script;
  text: string;
}

/** Consecutive words of one script, in logical order. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const script = scriptOf(word);
    const last = runs.at(-1);
    if (last && last.script === script) last.text += ` ${word}`;
    else runs.push({ script, text: word });
  }
  return runs;
}

export function runWidth(doc: Doc, run: Run, size: number): number {
  if (run.script === 'latin')
    return doc.font('Helvetica').fontSize(size).widthOfString(printableLatin(run.text));
  const font = shapingFont(run.script);
  return font.layout(run.text).advanceWidth * (size / font.unitsPerEm);
}

/** Draws one run with its left edge at x and its baseline at y. */
export function drawRun(doc: Doc, run: Run, x: number, y: number, size: number, bold = false): void {
  if (run.script === 'latin') {
    // pdfkit places text by its top; the baseline is the font's ascender below it.
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .text(printableLatin(run.text), x, y - size * 0.78, { lineBreak: false });
    return;
  }
  const font = shapingFont(run.script);
  const layout = font.layout(run.text);
  const scale = size / font.unitsPerEm;
  let cursor = x;
  doc.save();
  layout.glyphs.forEach((glyph, i) => {
    const position = layout.positions[i]!;
    const path = glyph.path
      .scale(scale, -scale)
      .translate(cursor + position.xOffset * scale, y - position.yOffset * scale);
    const svg = path.toSVG();
    if (svg) doc.path(svg).fill('black');
    cursor += position.xAdvance * scale;
  });
  doc.restore();
}

export const SPACE = 0.28;
