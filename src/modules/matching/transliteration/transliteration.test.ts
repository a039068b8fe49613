import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNames,
  detectScript,
  foldName,
  jaroWinkler,
  matchQuery,
  nameKeys,
  nameTokens,
  skeletonKey,
} from './index.js';

const SAME: string[][] = [
  ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'Mohammad', 'Muhammed', 'محمد', 'مُحَمَّد'],
  ['Abdullah', 'Abdallah', 'Abdulla', 'Abdalla', 'عبدالله', 'Abd Allah'],
  ['Tesfai', 'Tesfay', 'ተስፋይ'],
  ['Hussein', 'Hossein', 'Husain', 'Hussain', 'حسين'],
  ['Yusuf', 'Youssef', 'Yousef', 'Yosef', 'يوسف'],
  ['Ahmed', 'Ahmad', 'أحمد', 'احمد'],
  ['Mahmoud', 'Mahmud', 'محمود'],
  ['Omar', 'Umar', 'عمر'],
  ['Osman', 'Othman', 'Usman', 'عثمان'],
  ['Ibrahim', 'Ebrahim', 'إبراهيم'],
  ['Abdulrahman', 'Abdul Rahman', 'Abdurrahman', 'Abd al-Rahman', 'عبد الرحمن'],
  ['Ghebremariam', 'Gebre Mariam', 'Gebremariam'],
  ['Zabihullah', 'Zabiullah', 'Zabi Ullah', 'ذبیح الله'],
  ['Haile', 'Hayle', 'ሃይለ'],
  ['Ali', 'Aly', 'علي'],
  ['Fatima', 'Fatma', 'Fatemeh', 'فاطمة', 'فاطمه'],
  ['Mariam', 'Maryam', 'Meryem', 'مريم'],
];

const DIFFERENT: Array<[string, string]> = [
  ['Mohammed', 'Mahmoud'],
  ['Hassan', 'Hussein'],
  ['Ahmed', 'Hamid'],
  ['Omar', 'Amer'],
  ['Mohammed', 'محمود'],
  ['Mahmoud', 'محمد'],
  ['Hassan', 'حسين'],
];

describe('transliteration-aware name comparison', () => {
  for (const group of SAME) {
    it(`treats ${group.join(' = ')} as one name`, () => {
      for (const variant of group) {
        expect(skeletonKey(nameTokens(variant).join('')), variant).toBe(
          skeletonKey(nameTokens(group[0]!).join('')),
        );
        const result = compareNames(group[0]!, variant);
        expect(result.score, `${group[0]} vs ${variant}: ${JSON.stringify(result)}`).toBeGreaterThanOrEqual(
          0.95,
        );
        expect(['exact', 'transliteration']).toContain(result.level);
      }
    });
  }

  for (const [a, b] of DIFFERENT) {
    it(`keeps ${a} and ${b} apart`, () => {
      const result = compareNames(a, b);
      expect(result.score).toBeLessThan(0.7);
      expect(['exact', 'transliteration']).not.toContain(result.level);
    });
  }

  it('compares full names independently of order, case and script', () => {
    expect(compareNames('عبدالله محمد', 'Mohammed Abdullah').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('MOHAMMAD ABDULLA', 'Mohammed Abdullah').score).toBeGreaterThanOrEqual(0.9);
    expect(compareNames('Mohammed Ali', 'Mahmoud Ali').score).toBeLessThan(
      compareNames('Mohammed Ali', 'Muhammad Ali').score,
    );
    expect(compareNames('Mohammed Abdullah', 'Mahmoud Abbas').score).toBeLessThan(0.6);
    const partial = compareNames('Mohammed Ali Hassan', 'Mohammed Hassan');
    expect(partial.score).toBeGreaterThan(0.75);
    expect(partial.score).toBeLessThan(1);
  });

  it('scores a short query by how well the registered name covers it', () => {
    expect(matchQuery('Tesfai', 'Tesfay Haile').score).toBeGreaterThan(0.8);
    expect(matchQuery('Tesfai', 'Tesfay Haile').score).toBeLessThan(
      matchQuery('Tesfai Haile', 'Tesfay Haile').score,
    );
  });

  it('romanises Ge’ez and matches it to Latin spellings', () => {
    expect(nameTokens('ገብረመድህን')).toEqual(['gebremedhn']);
    expect(compareNames('Ghebremedhin', 'ገብረመድህን').score).toBeGreaterThanOrEqual(0.95);
    expect(['exact', 'transliteration']).toContain(compareNames('Yonas', 'ዮናስ').level);
  });
});

describe('folding', () => {
  it('unifies Arabic letter variants, removes harakat, tatweel and invisible characters', () => {
    expect(foldName('أحمد')).toBe(foldName('احمد'));
    expect(foldName('مُحَمَّد')).toBe(foldName('محمد'));
    expect(foldName('محـــمد')).toBe(foldName('محمد'));
    expect(foldName('فاطمة')).toBe(foldName('فاطمه'));
    expect(foldName('مصطفى')).toBe(foldName('مصطفي'));
    expect(foldName('Mo\u200Bham\u202Emed')).toBe('mohammed');
    expect(foldName('José  Müller-Ñuñez')).toBe('jose muller nunez');
    expect(foldName('١٢٣ ۴۵۶')).toBe('123 456');
  });

  it('detects scripts', () => {
    expect(detectScript('Mohammed')).toBe('latin');
    expect(detectScript('محمد')).toBe('arabic');
    expect(detectScript('ተስፋይ')).toBe('ethiopic');
    expect(detectScript('Mohammed محمد')).toBe('mixed');
  });

  it('drops honorifics and joins particles', () => {
    expect(nameTokens('Haji Sayed Ahmad Stanekzai')).toEqual(['ahmad', 'stanekzai']);
    expect(nameKeys('Ahmed Al Amin').skeletons).toEqual(nameKeys('Ahmed Al-Amin').skeletons);
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );

  it('never throws, stays in [0, 1] and is symmetric', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const ab = compareNames(a, b);
        const ba = compareNames(b, a);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(ab.score).toBe(ba.score);
        nameKeys(a);
      }),
      { numRuns: 500 },
    );
  });

  it('is invariant to token order and case', () => {
    const names = fc.constantFrom(
      'Mohammed',
      'Abdullah',
      'Tesfay',
      'Haile',
      'محمد',
      'ተስፋይ',
      'Zabihullah',
      'Fatima',
    );
    fc.assert(
      fc.property(
        fc.array(names, { minLength: 1, maxLength: 4 }),
        fc.array(names, { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const forward = compareNames(a.join(' '), b.join(' ')).score;
          expect(compareNames([...a].reverse().join(' ').toUpperCase(), b.join(' ')).score).toBe(forward);
        },
      ),
    );
  });

  it('keeps Jaro-Winkler symmetric and bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });

  it('computes keys fast enough for bulk registration', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) nameKeys(`Mohammed${i % 50} Abdullah Hassan`);
    const perSecond = 10_000 / ((performance.now() - started) / 1000);
    console.log(`nameKeys: ${Math.round(perSecond)} names/s`);
    expect(perSecond).toBeGreaterThan(0);
  });
});

describe('compound and punctuated names', () => {
  it('matches names written joined on one side and apart on the other', () => {
    expect(compareNames('Ali Reza', 'Alireza').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Nour Eddine', 'Nourredine').score).toBeGreaterThanOrEqual(0.95);
    expect(compareNames("Ja'far", 'Jafar').level).toBe('exact');
  });
});
