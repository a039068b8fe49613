import { analyseName, type NameToken } from './tokens.js';

/**
 * Transliteration-invariant keys of a romanised token. `canonical` rewrites the spelling choices
 * that vary between romanisations (kh/gh/sh/th/dh, q/k/c, v/w, joined Abd- and -ullah forms,
 * a silent final h); `skeleton` keeps its consonants (and whether it starts with a vowel), the
 * blocking key; `phonetic` is coarser still (classes of consonants) for typos.
 */
export function canonicalToken(token: string): string {
  let t = token.toLowerCase().replace(/[^a-z0-9?]/g, '');
  // Markers used below: $ = sh, % = ch, x = kh.
  // -ullah, -allah, الله: one form ("zabihullah" = "zabiullah" = "ذبیح الله").
  if (t.length > 5) t = t.replace(/h?[aou?]?lla?h?$/, 'ulla');
  // Abd al-X, Abdul X, Abdur X: the article is dropped after Abd.
  t = t.replace(/^(\?|a)bd[aeiou?]?l?(?=[a-z?]{2})/, '$1bd');
  t = t
    .replace(/sh/g, '$')
    .replace(/ch/g, '%')
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'g')
    .replace(/th/g, 's')
    .replace(/dh/g, 'z')
    .replace(/ph/g, 'f')
    .replace(/zh/g, 'j')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c/g, 'k')
    .replace(/v/g, 'w');
  // A final h is silent in romanised names (Abdallah/Abdalla, Fatimah/Fatima, the taa marbuta of فاطمة).
  if (t.length > 2) t = t.replace(/h$/, '');
  return t;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', '?']);

function isVowelAt(t: string, i: number): boolean {
  const ch = t[i]!;
  if (ch === 'y') return i > 0; // initial y is a consonant (Yusuf), elsewhere a vowel glide
  if (ch === 'w') return false;
  return VOWELS.has(ch);
}

export interface Frame {
  startsWithVowel: boolean;
  /** Vowel group before the first consonant, if any. */
  lead: string;
  consonants: string[];
  /** The vowel group after each consonant ('' for none). */
  vowels: string[];
}

export function frameOf(canonical: string): Frame {
  const frame: Frame = { startsWithVowel: false, lead: '', consonants: [], vowels: [] };
  let i = 0;
  while (i < canonical.length && isVowelAt(canonical, i)) frame.lead += canonical[i++];
  frame.startsWithVowel = frame.lead.length > 0;
  while (i < canonical.length) {
    const consonant = canonical[i++]!;
    let group = '';
    while (i < canonical.length && isVowelAt(canonical, i)) group += canonical[i++];
    const last = frame.consonants.length - 1;
    if (last >= 0 && frame.consonants[last] === consonant && frame.vowels[last] === '') {
      frame.vowels[last] = group; // a doubled consonant is one consonant (Mohammed = Mohamed)
      continue;
    }
    frame.consonants.push(consonant);
    frame.vowels.push(group);
  }
  return frame;
}

export function skeletonOf(canonical: string): string {
  const frame = frameOf(canonical);
  return (frame.startsWithVowel ? '@' : '') + frame.consonants.join('');
}

const PHONETIC_CLASS: Record<string, string> = {
  b: 'B',
  p: 'B',
  f: 'F',
  w: 'F',
  t: 'T',
  d: 'T',
  s: 'S',
  z: 'S',
  $: 'S',
  '%': 'S',
  j: 'S',
  k: 'K',
  g: 'K',
  x: 'K',
  l: 'L',
  r: 'R',
  m: 'N',
  n: 'N',
  h: 'H',
  y: 'Y',
};

export function phoneticOf(canonical: string): string {
  const frame = frameOf(canonical);
  let key = frame.startsWithVowel ? '@' : '';
  let previous = '';
  for (const consonant of frame.consonants) {
    const cls = PHONETIC_CLASS[consonant] ?? consonant.toUpperCase();
    if (cls !== previous) key += cls;
    previous = cls;
    if (key.replace('@', '').length >= 4) break;
  }
  return key;
}

export function skeletonKey(token: string): string {
  return skeletonOf(canonicalToken(token));
}

export function phoneticKey(token: string): string {
  return phoneticOf(canonicalToken(token));
}

export interface NameKeys {
  tokens: string[];
  skeletons: string[];
  phonetics: string[];
}

export function keysOfTokens(tokens: NameToken[]): NameKeys {
  const unique = <T>(items: T[]) => [...new Set(items)];
  const canonical = tokens.map((t) => canonicalToken(t.text));
  return {
    tokens: unique(tokens.map((t) => t.text)),
    skeletons: unique(canonical.map(skeletonOf).filter((s) => s.replace('@', '').length > 0)),
    phonetics: unique(canonical.map(phoneticOf).filter((s) => s.replace('@', '').length > 0)),
  };
}

/*
 * The keys of recently seen names. The same names recur across people ("Mohammed Ali" is many
 * people) and across the candidates of every search and duplicate check, and deriving them
 * (folding, romanising, canonical, skeleton and phonetic keys) was a third of a registration's
 * CPU at 100,000 people. Bounded in size, and emptied every 10 minutes like the identity cache,
 * so that names do not stay in a server's memory for long (docs/data-protection.md).
 */
const MEMO_SIZE = 20_000;
const MEMO_LIFETIME_MS = 10 * 60_000;
const memo = new Map<string, NameKeys>();
let memoStartedAt = Date.now();

export function nameKeys(raw: string): NameKeys {
  const now = Date.now();
  if (now - memoStartedAt > MEMO_LIFETIME_MS) {
    memo.clear();
    memoStartedAt = now;
  }
  const known = memo.get(raw);
  if (known) return known;
  const { tokens, skeletons, phonetics } = keysOfTokens(analyseName(raw));
  // Shared by every caller that asks for the same name: frozen, so none can change another's.
  const keys = Object.freeze({
    tokens: Object.freeze(tokens),
    skeletons: Object.freeze(skeletons),
    phonetics: Object.freeze(phonetics),
  }) as NameKeys;
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(raw, keys);
  return keys;
}
