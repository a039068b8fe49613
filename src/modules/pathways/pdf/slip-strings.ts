/**
 * The words of an appointment reminder slip, in the languages people in Calais read. Drafted by
 * the developers, like the information site's strings: they must be checked by native-speaking
 * translators before field use. No digits or Latin letters in Arabic-script or Ge'ez strings
 * (see pdf-text.ts): dates and places are printed beside them in Latin script.
 */
export interface SlipStrings {
  title: string;
  when: string;
  where: string;
  with: string;
  interpreter: string;
  bring: string;
}

export const SLIP_STRINGS: Readonly<Record<string, SlipStrings>> = {
  en: {
    title: 'Appointment reminder',
    when: 'Date and time',
    where: 'Place',
    with: 'Organisation',
    interpreter: 'An interpreter will be there',
    bring: 'Bring this slip and your documents. Come on time.',
  },
  fr: {
    title: 'Rappel de rendez-vous',
    when: 'Date et heure',
    where: 'Lieu',
    with: 'Organisme',
    interpreter: 'Un interprète sera présent',
    bring: 'Apportez ce papier et vos documents. Venez à l’heure.',
  },
  ar: {
    title: 'تذكير بموعد',
    when: 'التاريخ والوقت',
    where: 'المكان',
    with: 'الجهة',
    interpreter: 'سيكون هناك مترجم',
    bring: 'أحضر هذه الورقة ووثائقك. تعال في الموعد.',
  },
  fa: {
    title: 'یادآوری وقت ملاقات',
    when: 'تاریخ و ساعت',
    where: 'مکان',
    with: 'سازمان',
    interpreter: 'یک مترجم حضور خواهد داشت',
    bring: 'این برگه و مدارک خود را بیاورید. سر وقت بیایید.',
  },
  ps: {
    title: 'د ملاقات یادونه',
    when: 'نېټه او وخت',
    where: 'ځای',
    with: 'اداره',
    interpreter: 'ژباړونکی به هلته وي',
    bring: 'دا پاڼه او خپل اسناد راوړئ. په وخت راشئ.',
  },
  ti: {
    title: 'መዘኻኸሪ ቆጸራ',
    when: 'ዕለትን ሰዓትን',
    where: 'ቦታ',
    with: 'ትካል',
    interpreter: 'ተርጓሚ ክህሉ እዩ',
    bring: 'እዛ ወረቐትን ሰነዳትካን ሒዝካ ምጻእ። ብሰዓቱ ምጻእ።',
  },
  am: {
    title: 'የቀጠሮ ማስታወሻ',
    when: 'ቀን እና ሰዓት',
    where: 'ቦታ',
    with: 'ድርጅት',
    interpreter: 'አስተርጓሚ ይኖራል',
    bring: 'ይህንን ወረቀት እና ሰነዶችዎን ይዘው ይምጡ። በሰዓቱ ይምጡ።',
  },
};

/** The slip's language: the one asked for, else the person's first language that has strings; Dari reads Persian. */
export function slipLanguage(requested: string | undefined, personLanguages: readonly string[]): string {
  const candidates = [requested, ...personLanguages].filter((l): l is string => Boolean(l));
  for (const tag of candidates) {
    if (SLIP_STRINGS[tag]) return tag;
    const primary = tag.split('-')[0]!;
    if (SLIP_STRINGS[primary]) return primary;
  }
  return 'en';
}
