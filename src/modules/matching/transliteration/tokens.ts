import { romaniseArabicWord } from './arabic-script.js';
import { romaniseEthiopicWord } from './ethiopic-script.js';
import { detectScript, foldName } from './fold.js';

export interface NameToken {
  /** Lowercase Latin key spelling ([a-z0-9?]). */
  text: string;
  /** Written in Arabic script: short vowels are absent, long vowels present (see frames.ts). */
  fromArabicScript: boolean;
}

// Titles and honorifics that people add or drop between registrations.
const HONORIFICS = new Set([
  'haji',
  'hajji',
  'hadji',
  'sayed',
  'sayyid',
  'syed',
  'seyed',
  'sayyed',
  'mullah',
  'mulla',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sheikh',
  'shaikh',
  'sheik',
]);
// Articles and kinship particles: joined to the next word, so "al Rahman" and "Alrahman" agree.
const PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'ol',
  'bin',
  'ibn',
  'ben',
  'bint',
  'ould',
  'wad',
  'abu',
  'abou',
  'abo',
  'wold',
  'ould',
]);
// Compounds written joined or apart: Abd al-Rahman / Abdulrahman; Gebre Mariam / Gebremariam.
const ABD_FORMS = /^(abd|abdu|abdul|abdel|abdol|abdal|abdil|abdur|abdor|abdar|\?bd|\?bdal|\?bdul)$/;
// Only prefixes that never stand alone as a name: Haile, Tekle or Kidane are names in their own right.
const ETHIOPIC_PREFIXES = new Set([
  'gebre',
  'ghebre',
  'gebra',
  'ghebra',
  'gebrez',
  'wolde',
  'welde',
  'wolde',
  'tesfa',
  'zere',
]);
const ALLAH_SUFFIX = /^(ullah|ulla|ollah|olla|allah|alla|ullh|allh|\?llh|\?llah|llah|lla)$/;

function romaniseWord(word: string): NameToken {
  const script = detectScript(word);
  if (script === 'arabic') return { text: romaniseArabicWord(word), fromArabicScript: true };
  if (script === 'ethiopic') return { text: romaniseEthiopicWord(word), fromArabicScript: false };
  return { text: word.replace(/[^a-z0-9]/g, ''), fromArabicScript: false };
}

function join(a: NameToken, b: NameToken): NameToken {
  return { text: a.text + b.text, fromArabicScript: a.fromArabicScript || b.fromArabicScript };
}

/**
 * Splits a name into romanised tokens with the field's naming customs applied: honorifics
 * dropped, particles joined to the following word, 'Abd' and '-ullah' compounds and Ethiopian
 * compound prefixes joined. Token order is kept; comparison is order-independent.
 */
export function analyseName(raw: string): NameToken[] {
  const words = foldName(raw)
    .split(' ')
    .filter(Boolean)
    .map(romaniseWord)
    .filter((t) => t.text.length > 0 && !HONORIFICS.has(t.text));
  const joined: NameToken[] = [];
  for (let i = 0; i < words.length; i += 1) {
    let token = words[i]!;
    const next = words[i + 1];
    const isAbd = ABD_FORMS.test(token.text);
    if (next && (PARTICLES.has(token.text) || isAbd || ETHIOPIC_PREFIXES.has(token.text))) {
      token = join(token, next);
      i += 1;
      // "abd al rahman": the particle joined "al", now take "rahman" too.
      const after = words[i + 1];
      if (after && isAbd && PARTICLES.has(next.text)) {
        token = join(token, after);
        i += 1;
      }
    }
    const last = joined.at(-1);
    if (last && ALLAH_SUFFIX.test(token.text)) {
      joined[joined.length - 1] = join(last, token);
      continue;
    }
    joined.push(token);
  }
  return joined.filter((t) => t.text.replace(/\?/g, '').length > 0);
}

export function nameTokens(raw: string): string[] {
  return analyseName(raw).map((t) => t.text);
}
