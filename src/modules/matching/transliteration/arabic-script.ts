/**
 * Romanisation of Arabic-script names (Arabic, Persian, Pashto, Sorani Kurdish, Urdu) to a Latin
 * key spelling. Arabic script writes long vowels (ا و ي) but not short ones, so the output keeps
 * the consonants, the long vowels, and `?` where a vowel of unknown quality stands (a word-initial
 * alef or ain): matching compares it against Latin spellings slot by slot (see frames.ts).
 */

const CONSONANTS: Record<string, string> = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ټ: 't',
  ط: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch',
  ځ: 'dz',
  څ: 'ts',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ډ: 'd',
  ض: 'd',
  ذ: 'dh',
  ر: 'r',
  ړ: 'r',
  ز: 'z',
  ظ: 'z',
  ژ: 'zh',
  ږ: 'zh',
  س: 's',
  ص: 's',
  ش: 'sh',
  ښ: 'sh',
  غ: 'gh',
  ف: 'f',
  ڤ: 'v',
  ق: 'q',
  ک: 'k',
  گ: 'g',
  ګ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ڼ: 'n',
  ه: 'h',
};

const LONG_VOWEL = { ا: 'a', و: 'u', ي: 'i' } as const;
const VOWEL_LETTERS = new Set(['ا', 'و', 'ي', 'ە', 'ئ', 'ع']);

function isArabicLetter(ch: string | undefined): boolean {
  return ch !== undefined && (CONSONANTS[ch] !== undefined || VOWEL_LETTERS.has(ch));
}

/** Romanises one folded Arabic-script word. */
export function romaniseArabicWord(word: string): string {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const initial = i === 0;
    if (CONSONANTS[ch]) {
      out += CONSONANTS[ch];
      continue;
    }
    if (ch === 'ع' || ch === 'ئ') {
      // A carrier of a vowel whose quality the script does not say.
      out += initial || !isArabicLetter(prev) ? '?' : '';
      continue;
    }
    if (ch === 'ە') {
      out += 'e';
      continue;
    }
    if (ch === 'ا') {
      out += initial ? '?' : 'a';
      continue;
    }
    if (ch === 'و' || ch === 'ي') {
      // Before a vowel letter, or at the start of a word, و and ي are consonants (w, y).
      const beforeVowel =
        next !== undefined && (next === 'ا' || next === 'ە' || (next === 'و' && ch === 'ي'));
      if (initial || beforeVowel) out += ch === 'و' ? 'w' : 'y';
      else out += LONG_VOWEL[ch];
      continue;
    }
    if (/[0-9a-z]/.test(ch)) out += ch;
  }
  return out;
}
