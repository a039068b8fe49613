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

const ARABIC_VARIANT_PATTERN = new RegExp(`[${Object.keys(ARABIC_VARIANTS).join('')}]`, 'g');
const LATIN_SPECIAL_PATTERN = new RegExp(`[${Object.keys(LATIN_SPECIALS).join('')}]`, 'g');

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

function unifyDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Never throws; bounded in time (inputs are capped at 500 characters). */
export function foldName(raw: string): string {
  if (typeof raw !== 'string') return '';
  let text = raw.slice(0, MAX_INPUT).normalize('NFKC').replace(INVISIBLE, '');
  text = unifyDigits(text).replace(ARABIC_MARKS, '');
  text = text.replace(ARABIC_VARIANT_PATTERN, (ch) => ARABIC_VARIANTS[ch] ?? ch).toLowerCase();
  text = text.replace(LATIN_SPECIAL_PATTERN, (ch) => LATIN_SPECIALS[ch] ?? ch);
  // NFD then strip combining marks: é→e, ç→c, ş→s; precomposed Ethiopic syllables are untouched.
  // Plain ASCII (most Latin names) needs neither step.
  if (hasNonAscii(text)) text = text.normalize('NFD').replace(COMBINING, '').normalize('NFC');
  // An apostrophe inside a word marks a glottal stop or ain (Ja'far, Sa'id): the word stays whole.
  text = text.replace(/(\p{L})['’ʼ`‘ʻ](?=\p{L})/gu, '$1');
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
  const limit = Math.min(text.length, MAX_INPUT);
  for (let i = 0; i < limit; i += 1) {
    const c = text.charCodeAt(i);
    // Code-point ranges rather than \p{Script} regexes: this runs for every word of every name.
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x1e00 && c <= 0x1eff)
    )
      latin += 1;
    else if (
      (c >= 0x600 && c <= 0x6ff) ||
      (c >= 0x750 && c <= 0x77f) ||
      (c >= 0x8a0 && c <= 0x8ff) ||
      (c >= 0xfb50 && c <= 0xfeff)
    )
      arabic += 1;
    else if (c >= 0x1200 && c <= 0x139f) ethiopic += 1;
    else if (c > 0x7f && /\p{L}/u.test(text[i]!)) other += 1;
  }
  const kinds = [latin, arabic, ethiopic, other].filter((n) => n > 0).length;
  if (kinds === 0) return 'other';
  if (kinds > 1) return 'mixed';
  if (latin) return 'latin';
  if (arabic) return 'arabic';
  if (ethiopic) return 'ethiopic';
  return 'other';
}
