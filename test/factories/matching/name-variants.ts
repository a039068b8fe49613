/**
 * Spelling variants a registration officer or a relative actually writes: transliteration
 * alternatives, dropped or doubled letters, other script, swapped order, capitals. Used to build
 * misspelled queries and noisy duplicates for the benchmarks (generated names only).
 */
const ALTERNATIVES: Record<string, string[]> = {
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad', 'Muhammed'],
  Mohammad: ['Muhammad', 'Mohammed', 'Mohamad'],
  Ahmed: ['Ahmad'],
  Ahmad: ['Ahmed'],
  Hussein: ['Hossein', 'Husain', 'Hussain'],
  Hossein: ['Hussein', 'Hosein'],
  Yusuf: ['Youssef', 'Yousef'],
  Osman: ['Othman', 'Usman'],
  Omar: ['Umar'],
  Ibrahim: ['Ebrahim'],
  Abdullah: ['Abdallah', 'Abdulla'],
  Abdulrahman: ['Abdul Rahman', 'Abdurrahman'],
  Mahmoud: ['Mahmud'],
  Fatima: ['Fatma'],
  Fatemeh: ['Fatima'],
  Mariam: ['Maryam'],
  Maryam: ['Mariam'],
  Tesfay: ['Tesfai'],
  Zabihullah: ['Zabiullah', 'Zabi Ullah'],
  Ghebremedhin: ['Gebremedhin'],
  Gebremariam: ['Ghebremariam', 'Gebre Mariam'],
  Haile: ['Hayle'],
  Yacoub: ['Yaqub'],
  Suleiman: ['Sulaiman'],
  Khadija: ['Khadidja'],
  Aisha: ['Aysha'],
  Yohannes: ['Yohanes'],
  Mehdi: ['Mahdi'],
};

export function variantOf(name: string, rng: () => number): string {
  const options = ALTERNATIVES[name];
  if (options && rng() < 0.8) return options[Math.floor(rng() * options.length)]!;
  const roll = rng();
  if (roll < 0.3 && /ou/.test(name)) return name.replace('ou', 'u');
  if (roll < 0.5 && /([bcdfghjklmnpqrstvz])\1/.test(name))
    return name.replace(/([bcdfghjklmnpqrstvz])\1/, '$1');
  if (roll < 0.7 && /ee/.test(name)) return name.replace('ee', 'i');
  if (roll < 0.8 && /y$/.test(name)) return name.replace(/y$/, 'i');
  return name;
}
