import type { NamePair, NamingCustom } from '../../../src/modules/registry/demo-names.js';

/**
 * Larger name pools than the demo's, so that a benchmark population is not made only of
 * namesakes: common given and family names with their original-script spelling. Generic
 * common names only.
 */
const pairs = (text: string): NamePair[] =>
  text
    .trim()
    .split('\n')
    .map((line) => {
      const [latin, native] = line.split('=').map((s) => s.trim());
      return { latin: latin!, native: native! };
    });

const ARABIC_MALE = pairs(`
Mohammed=محمد
Ahmed=أحمد
Ali=علي
Omar=عمر
Osman=عثمان
Ibrahim=إبراهيم
Yusuf=يوسف
Hassan=حسن
Hussein=حسين
Mahmoud=محمود
Abdullah=عبدالله
Abdulrahman=عبد الرحمن
Khalid=خالد
Mustafa=مصطفى
Adam=آدم
Ismail=إسماعيل
Yasin=ياسين
Tariq=طارق
Bilal=بلال
Hamza=حمزة
Salih=صالح
Idris=إدريس
Musa=موسى
Ishaq=إسحاق
Yacoub=يعقوب
Suleiman=سليمان
Haroun=هارون
Jamal=جمال
Kamal=كمال
Nasser=ناصر
Faisal=فيصل
Walid=وليد
Majid=ماجد
Rashid=رشيد
Said=سعيد
Sami=سامي
Karim=كريم
Anwar=أنور
Hisham=هشام
Zakaria=زكريا
Mansour=منصور
Nabil=نبيل
Amir=أمير
Fadil=فاضل
Jibril=جبريل
Murtada=مرتضى
Abbas=عباس
Hamid=حامد
Taha=طه
Saddiq=صديق
`);

const ARABIC_FEMALE = pairs(`
Fatima=فاطمة
Mariam=مريم
Aisha=عائشة
Amina=أمينة
Khadija=خديجة
Zainab=زينب
Huda=هدى
Salma=سلمى
Nour=نور
Rania=رانيا
Hawa=حواء
Asma=أسماء
Samira=سميرة
Layla=ليلى
Rasha=رشا
Hanan=حنان
Iman=إيمان
Safia=صفية
Sara=سارة
Noura=نورة
Mona=منى
Hind=هند
Rahma=رحمة
Sumaya=سمية
Malak=ملاك
`);

const AFGHAN_MALE = pairs(`
Zabihullah=ذبیح الله
Ahmad=احمد
Mohammad=محمد
Hamid=حمید
Rahmatullah=رحمت الله
Naveed=نوید
Farid=فرید
Jawad=جواد
Wahid=وحید
Karim=کریم
Shafiq=شفیق
Jamshid=جمشید
Habibullah=حبیب الله
Noorullah=نور الله
Samiullah=سمیع الله
Asadullah=اسدالله
Ezatullah=عزت الله
Mirwais=میرویس
Nasir=ناصر
Bashir=بشیر
Qasim=قاسم
Rahim=رحیم
Sohail=سهیل
Tawab=تواب
Omid=امید
Parwiz=پرویز
Shoaib=شعیب
Yama=یما
Zahir=ظاهر
Hekmat=حکمت
Fawad=فواد
Idris=ادریس
Khalil=خلیل
Mustafa=مصطفی
Najib=نجیب
`);

const AFGHAN_FEMALE = pairs(`
Fereshta=فرشته
Maryam=مریم
Zahra=زهرا
Shabnam=شبنم
Parwana=پروانه
Nargis=نرگس
Sima=سیما
Mina=مینا
Laila=لیلا
Homa=هما
Nazia=نازیه
Roya=رویا
Sadia=سعدیه
Farzana=فرزانه
Gulalai=گلالی
`);

const AFGHAN_FAMILY = pairs(`
Stanekzai=ستانکزی
Hotak=هوتک
Popal=پوپل
Ahmadzai=احمدزی
Safi=صافی
Rahimi=رحیمی
Hussaini=حسینی
Karimi=کریمی
Sultani=سلطانی
Noori=نوری
Mohammadi=محمدی
Amiri=امیری
Sadat=سادات
Wardak=وردک
Barakzai=بارکزی
Durrani=درانی
Khan=خان
Jalali=جلالی
Haidari=حیدری
Nazari=نظری
Rezai=رضایی
Qaderi=قادری
Yousufzai=یوسفزی
Mangal=منگل
Zazai=ځاځی
`);

const TIGRINYA_MALE = pairs(`
Tesfay=ተስፋይ
Yonas=ዮናስ
Dawit=ዳዊት
Berhane=ብርሃነ
Samuel=ሳሙኤል
Filmon=ፊልሞን
Mehari=መሓሪ
Abel=ኣቤል
Semere=ሰመረ
Kidane=ኪዳነ
Merhawi=መርሓዊ
Yemane=የማነ
Tekle=ተኽለ
Habtom=ሃብቶም
Daniel=ዳንኤል
Natnael=ናትናኤል
Robel=ሮቤል
Eyob=እዮብ
Amanuel=ኣማኑኤል
Biniam=ቢንያም
Henok=ሄኖክ
Mussie=ሙሴ
Senay=ሰናይ
Tesfalem=ተስፋልም
Kibrom=ክብሮም
Goitom=ጎይቶም
Efrem=ኤፍሬም
Haben=ሃበን
Tedros=ቴድሮስ
Awet=ኣወት
`);

const TIGRINYA_FEMALE = pairs(`
Saba=ሳባ
Selam=ሰላም
Senait=ሰናይት
Rahel=ራሄል
Meron=ሜሮን
Yordanos=ዮርዳኖስ
Helen=ሄለን
Luwam=ሉዋም
Feven=ፌቨን
Winta=ዊንታ
Milen=ሚለን
Hiwet=ሕይወት
Semhar=ሰምሃር
Elsa=ኤልሳ
Nardos=ናርዶስ
`);

const TIGRINYA_FATHERS = pairs(`
Ghebremedhin=ገብረመድህን
Gebremariam=ገብረማርያም
Tesfamariam=ተስፋማርያም
Woldu=ወልዱ
Habte=ሃብተ
Berhe=በርሀ
Tekle=ተኽለ
Asfaha=ኣስፍሃ
Haile=ሃይለ
Kahsay=ካሕሳይ
Mehari=መሓሪ
Gebreyesus=ገብረየሱስ
Tewelde=ተወልደ
Kiflom=ክፍሎም
Solomon=ሰለሞን
Andemariam=ኣንደማርያም
Okbamichael=ዕቝባሚካኤል
Zerai=ዘርኣይ
Negash=ነጋሽ
Weldemichael=ወልደሚካኤል
Araya=ኣርኣያ
Gebrehiwet=ገብረሕይወት
Tsegay=ጸጋይ
Yohannes=ዮሃንስ
Measho=መኣሾ
`);

const AMHARIC_MALE = pairs(`
Abebe=አበበ
Dawit=ዳዊት
Yohannes=ዮሐንስ
Tesfaye=ተስፋዬ
Girma=ግርማ
Bekele=በቀለ
Solomon=ሰለሞን
Getachew=ጌታቸው
Mulugeta=ሙሉጌታ
Fikru=ፍቅሩ
Tadesse=ታደሰ
Alemayehu=አለማየሁ
Biruk=ብሩክ
Kaleb=ካሌብ
Yared=ያሬድ
`);

const AMHARIC_FEMALE = pairs(`
Tigist=ትግስት
Hirut=ሂሩት
Almaz=አልማዝ
Meseret=መሰረት
Bethlehem=ቤተልሔም
Selamawit=ሰላማዊት
Mekdes=መቅደስ
Tsion=ጽዮን
Eden=ኤደን
Hanna=ሐና
`);

const AMHARIC_FATHERS = pairs(`
Alemu=አለሙ
Tadesse=ታደሰ
Kebede=ከበደ
Mekonnen=መኮንን
Wolde=ወልደ
Haile=ኃይሌ
Desta=ደስታ
Ayele=አየለ
Negash=ነጋሽ
Tefera=ተፈራ
Assefa=አሰፋ
Gebre=ገብሬ
Lemma=ለማ
Worku=ወርቁ
Abate=አባተ
`);

const PERSIAN_MALE = pairs(`
Hossein=حسین
Mohammad-Reza=محمدرضا
Ali=علی
Reza=رضا
Mehdi=مهدی
Amir=امیر
Saeed=سعید
Hamed=حامد
Majid=مجید
Javad=جواد
Behnam=بهنام
Arash=آرش
Babak=بابک
Kourosh=کوروش
Navid=نوید
Pouya=پویا
Siavash=سیاوش
Omid=امید
Farhad=فرهاد
Hamid=حمید
`);

const PERSIAN_FEMALE = pairs(`
Fatemeh=فاطمه
Maryam=مریم
Zahra=زهرا
Narges=نرگس
Shirin=شیرین
Leila=لیلا
Parisa=پریسا
Sara=سارا
Mahsa=مهسا
Neda=ندا
`);

const PERSIAN_FAMILY = pairs(`
Ahmadi=احمدی
Hosseini=حسینی
Karimi=کریمی
Rezaei=رضایی
Mohammadi=محمدی
Jafari=جعفری
Moradi=مرادی
Hashemi=هاشمی
Ebrahimi=ابراهیمی
Rahimi=رحیمی
Ghasemi=قاسمی
Kazemi=کاظمی
Sadeghi=صادقی
Mousavi=موسوی
Nazari=نظری
Akbari=اکبری
Rostami=رستمی
Najafi=نجفی
Alavi=علوی
Shirazi=شیرازی
`);

const KURDISH_MALE = pairs(`
Karwan=کاروان
Rebwar=ڕێبوار
Aram=ئارام
Hemin=هێمن
Shvan=شڤان
Ahmed=ئەحمەد
Dilshad=دڵشاد
Hawar=هاوار
Sherko=شێرکۆ
Zana=زانا
Bakhtiyar=بەختیار
Rizgar=ڕزگار
Kawa=کاوە
Soran=سۆران
Azad=ئازاد
`);

const KURDISH_FEMALE = pairs(`
Dilan=دیلان
Shilan=شیلان
Avin=ئاڤین
Nazanin=نازەنین
Berivan=بەریڤان
Rozhin=ڕۆژین
Jwan=جوان
Hawre=هاوڕێ
`);

const KURDISH_FAMILY = pairs(`
Rashid=ڕەشید
Kareem=کەریم
Mahmoud=مەحموود
Aziz=عەزیز
Salih=ساڵح
Mustafa=مستەفا
Qadir=قادر
Hama=حەمە
Rasul=ڕەسوڵ
Omer=عومەر
Ismail=ئیسماعیل
Hasan=حەسەن
`);

export const BENCH_NAMING_CUSTOMS: NamingCustom[] = [
  {
    nationality: 'SDN',
    languages: ['ar'],
    male: ARABIC_MALE,
    female: ARABIC_FEMALE,
    family: ARABIC_MALE,
    style: 'patronymic',
  },
  {
    nationality: 'SYR',
    languages: ['ar'],
    male: ARABIC_MALE,
    female: ARABIC_FEMALE,
    family: ARABIC_MALE,
    style: 'family',
  },
  {
    nationality: 'AFG',
    languages: ['ps', 'fa-AF'],
    male: AFGHAN_MALE,
    female: AFGHAN_FEMALE,
    family: AFGHAN_FAMILY,
    style: 'optional_family',
  },
  {
    nationality: 'ERI',
    languages: ['ti'],
    male: TIGRINYA_MALE,
    female: TIGRINYA_FEMALE,
    family: TIGRINYA_FATHERS,
    style: 'patronymic',
  },
  {
    nationality: 'ETH',
    languages: ['am'],
    male: AMHARIC_MALE,
    female: AMHARIC_FEMALE,
    family: AMHARIC_FATHERS,
    style: 'patronymic',
  },
  {
    nationality: 'IRN',
    languages: ['fa'],
    male: PERSIAN_MALE,
    female: PERSIAN_FEMALE,
    family: PERSIAN_FAMILY,
    style: 'family',
  },
  {
    nationality: 'IRQ',
    languages: ['ckb'],
    male: KURDISH_MALE,
    female: KURDISH_FEMALE,
    family: KURDISH_FAMILY,
    style: 'family',
  },
];
