/**
 * Folding: the first, script-preserving normalisation of a name. Unicode NFKC, invisible and
 * direction-control characters removed, Arabic-script letter variants unified, harakat and
 * tatweel removed, Latin diacritics and case folded, punctuation turned into spaces.
 */

const MAX_INPUT = 500;

// Zero-width and bidi controls: ZWSP..RLM, LRE..RLO, LRI..PDI, BOM, Arabic letter mark, tatweel.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C\u0640\u00AD]/g;
// Arabic harakat, Quranic marks, superscript alef.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/g;
const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;

const ARABIC_VARIANTS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ێ: 'ي',
  ے: 'ي',
  ك: 'ک',
  ڪ: 'ک',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ۃ: 'ه',
  ؤ: 'و',
  ۆ: 'و',
  ۇ: 'و',
  ڕ: 'ر',
  ڵ: 'ل',
};

const LATIN_SPECIALS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

function unifyDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Never throws; bounded in time (inputs are capped at 500 characters). */
export function foldName(raw: string): string {
  if (typeof raw !== 'string') return '';
  let text = raw.slice(0, MAX_INPUT).normalize('NFKC').replace(INVISIBLE, '');
  text = unifyDigits(text).replace(ARABIC_MARKS, '');
  text = [...text].map((ch) => ARABIC_VARIANTS[ch] ?? ch).join('');
  text = text.toLowerCase();
  text = [...text].map((ch) => LATIN_SPECIALS[ch] ?? ch).join('');
  // NFD then strip combining marks: é→e, ç→c, ş→s; precomposed Ethiopic syllables are untouched.
  text = text.normalize('NFD').replace(COMBINING, '').normalize('NFC');
  // Hamza on its own carries no consonant in romanised names.
  text = text.replace(/[ءٴ]/g, '');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.trim().replace(/\s+/g, ' ');
}

export type Script = 'latin' | 'arabic' | 'ethiopic' | 'mixed' | 'other';

export function detectScript(text: string): Script {
  let latin = 0;
  let arabic = 0;
  let ethiopic = 0;
  let other = 0;
  for (const ch of text.slice(0, MAX_INPUT)) {
    if (/\p{Script=Latin}/u.test(ch)) latin += 1;
    else if (/\p{Script=Arabic}/u.test(ch)) arabic += 1;
    else if (/\p{Script=Ethiopic}/u.test(ch)) ethiopic += 1;
    else if (/\p{L}/u.test(ch)) other += 1;
  }
  const kinds = [latin, arabic, ethiopic, other].filter((n) => n > 0).length;
  if (kinds === 0) return 'other';
  if (kinds > 1) return 'mixed';
  if (latin) return 'latin';
  if (arabic) return 'arabic';
  if (ethiopic) return 'ethiopic';
  return 'other';
}
