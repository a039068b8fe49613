/**
 * Name pools for generated demo and benchmark populations: common given and family names of the
 * nationalities seen in Calais, each with its spelling in the original script. Generated people
 * only: no real person's data.
 */
export interface NamePair {
  latin: string;
  native: string;
}

export interface NamingCustom {
  nationality: string;
  languages: string[];
  male: NamePair[];
  female: NamePair[];
  /** Family, tribal or father's names. */
  family: NamePair[];
  /** Eritrean and Ethiopian names carry the father's given name, not a family name. */
  style: 'family' | 'patronymic' | 'optional_family';
}

const p = (latin: string, native: string): NamePair => ({ latin, native });

const ARABIC_MALE = [
  p('Mohammed', 'محمد'),
  p('Ahmed', 'أحمد'),
  p('Ali', 'علي'),
  p('Omar', 'عمر'),
  p('Osman', 'عثمان'),
  p('Ibrahim', 'إبراهيم'),
  p('Yusuf', 'يوسف'),
  p('Hassan', 'حسن'),
  p('Hussein', 'حسين'),
  p('Mahmoud', 'محمود'),
  p('Abdullah', 'عبدالله'),
  p('Abdulrahman', 'عبد الرحمن'),
  p('Khalid', 'خالد'),
  p('Mustafa', 'مصطفى'),
  p('Adam', 'آدم'),
  p('Ismail', 'إسماعيل'),
  p('Yasin', 'ياسين'),
  p('Tariq', 'طارق'),
  p('Bilal', 'بلال'),
  p('Hamza', 'حمزة'),
];
const ARABIC_FEMALE = [
  p('Fatima', 'فاطمة'),
  p('Mariam', 'مريم'),
  p('Aisha', 'عائشة'),
  p('Amina', 'أمينة'),
  p('Khadija', 'خديجة'),
  p('Zainab', 'زينب'),
  p('Huda', 'هدى'),
  p('Salma', 'سلمى'),
  p('Nour', 'نور'),
  p('Rania', 'رانيا'),
];
const ARABIC_FAMILY = [
  p('Abdullah', 'عبدالله'),
  p('Hassan', 'حسن'),
  p('Ali', 'علي'),
  p('Ibrahim', 'إبراهيم'),
  p('Osman', 'عثمان'),
  p('Adam', 'آدم'),
  p('Ishaq', 'إسحاق'),
  p('Musa', 'موسى'),
  p('Haroun', 'هارون'),
  p('Suleiman', 'سليمان'),
  p('Idris', 'إدريس'),
  p('Yacoub', 'يعقوب'),
  p('Haddad', 'حداد'),
  p('Khalil', 'خليل'),
  p('Nasser', 'ناصر'),
];

export const NAMING_CUSTOMS: NamingCustom[] = [
  {
    nationality: 'SDN',
    languages: ['ar'],
    male: ARABIC_MALE,
    female: ARABIC_FEMALE,
    family: ARABIC_FAMILY,
    style: 'family',
  },
  {
    nationality: 'SYR',
    languages: ['ar'],
    male: ARABIC_MALE,
    female: ARABIC_FEMALE,
    family: ARABIC_FAMILY,
    style: 'family',
  },
  {
    nationality: 'AFG',
    languages: ['ps', 'fa-AF'],
    male: [
      p('Zabihullah', 'ذبیح الله'),
      p('Ahmad', 'احمد'),
      p('Mohammad', 'محمد'),
      p('Hamid', 'حمید'),
      p('Rahmatullah', 'رحمت الله'),
      p('Naveed', 'نوید'),
      p('Farid', 'فرید'),
      p('Jawad', 'جواد'),
      p('Wahid', 'وحید'),
      p('Karim', 'کریم'),
      p('Shafiq', 'شفیق'),
      p('Jamshid', 'جمشید'),
      p('Habibullah', 'حبیب الله'),
      p('Noorullah', 'نور الله'),
    ],
    female: [
      p('Fereshta', 'فرشته'),
      p('Maryam', 'مریم'),
      p('Zahra', 'زهرا'),
      p('Shabnam', 'شبنم'),
      p('Parwana', 'پروانه'),
      p('Nargis', 'نرگس'),
    ],
    family: [
      p('Stanekzai', 'ستانکزی'),
      p('Hotak', 'هوتک'),
      p('Popal', 'پوپل'),
      p('Ahmadzai', 'احمدزی'),
      p('Safi', 'صافی'),
      p('Rahimi', 'رحیمی'),
      p('Hussaini', 'حسینی'),
      p('Karimi', 'کریمی'),
      p('Sultani', 'سلطانی'),
    ],
    style: 'optional_family',
  },
  {
    nationality: 'ERI',
    languages: ['ti'],
    male: [
      p('Tesfay', 'ተስፋይ'),
      p('Yonas', 'ዮናስ'),
      p('Dawit', 'ዳዊት'),
      p('Berhane', 'ብርሃነ'),
      p('Samuel', 'ሳሙኤል'),
      p('Filmon', 'ፊልሞን'),
      p('Mehari', 'መሓሪ'),
      p('Abel', 'ኣቤል'),
      p('Semere', 'ሰመረ'),
      p('Kidane', 'ኪዳነ'),
      p('Merhawi', 'መርሓዊ'),
    ],
    female: [
      p('Saba', 'ሳባ'),
      p('Selam', 'ሰላም'),
      p('Senait', 'ሰናይት'),
      p('Rahel', 'ራሄል'),
      p('Meron', 'ሜሮን'),
      p('Yordanos', 'ዮርዳኖስ'),
      p('Helen', 'ሄለን'),
    ],
    family: [
      p('Ghebremedhin', 'ገብረመድህን'),
      p('Gebremariam', 'ገብረማርያም'),
      p('Tesfamariam', 'ተስፋማርያም'),
      p('Woldu', 'ወልዱ'),
      p('Habte', 'ሃብተ'),
      p('Berhe', 'በርሀ'),
      p('Tekle', 'ተኽለ'),
      p('Asfaha', 'ኣስፍሃ'),
      p('Haile', 'ሃይለ'),
    ],
    style: 'patronymic',
  },
  {
    nationality: 'ETH',
    languages: ['am'],
    male: [
      p('Abebe', 'አበበ'),
      p('Dawit', 'ዳዊት'),
      p('Yohannes', 'ዮሐንስ'),
      p('Tesfaye', 'ተስፋዬ'),
      p('Girma', 'ግርማ'),
      p('Bekele', 'በቀለ'),
    ],
    female: [
      p('Tigist', 'ትግስት'),
      p('Hirut', 'ሂሩት'),
      p('Almaz', 'አልማዝ'),
      p('Meseret', 'መሰረት'),
      p('Bethlehem', 'ቤተልሔም'),
    ],
    family: [
      p('Alemu', 'አለሙ'),
      p('Tadesse', 'ታደሰ'),
      p('Kebede', 'ከበደ'),
      p('Mekonnen', 'መኮንን'),
      p('Wolde', 'ወልደ'),
    ],
    style: 'patronymic',
  },
  {
    nationality: 'IRN',
    languages: ['fa'],
    male: [
      p('Hossein', 'حسین'),
      p('Mohammad-Reza', 'محمدرضا'),
      p('Ali', 'علی'),
      p('Reza', 'رضا'),
      p('Mehdi', 'مهدی'),
      p('Amir', 'امیر'),
      p('Saeed', 'سعید'),
    ],
    female: [
      p('Fatemeh', 'فاطمه'),
      p('Maryam', 'مریم'),
      p('Zahra', 'زهرا'),
      p('Narges', 'نرگس'),
      p('Shirin', 'شیرین'),
    ],
    family: [
      p('Ahmadi', 'احمدی'),
      p('Hosseini', 'حسینی'),
      p('Karimi', 'کریمی'),
      p('Rezaei', 'رضایی'),
      p('Mohammadi', 'محمدی'),
      p('Jafari', 'جعفری'),
    ],
    style: 'family',
  },
  {
    nationality: 'IRQ',
    languages: ['ckb', 'ar'],
    male: [
      p('Karwan', 'کاروان'),
      p('Rebwar', 'ڕێبوار'),
      p('Aram', 'ئارام'),
      p('Hemin', 'هێمن'),
      p('Shvan', 'شڤان'),
      p('Ahmed', 'ئەحمەد'),
    ],
    female: [p('Dilan', 'دیلان'), p('Shilan', 'شیلان'), p('Avin', 'ئاڤین'), p('Nazanin', 'نازەنین')],
    family: [
      p('Rashid', 'ڕەشید'),
      p('Kareem', 'کەریم'),
      p('Mahmoud', 'مەحموود'),
      p('Aziz', 'عەزیز'),
      p('Salih', 'ساڵح'),
    ],
    style: 'family',
  },
];

/** How the Calais population was made up, roughly (DOMAIN.md): weights per nationality. */
export const NATIONALITY_WEIGHTS: Record<string, number> = {
  SDN: 30,
  AFG: 25,
  ERI: 18,
  ETH: 6,
  SYR: 8,
  IRN: 5,
  IRQ: 8,
};
