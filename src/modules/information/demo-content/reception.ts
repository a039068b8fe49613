import type { DemoArticle } from './types.js';

const DEMO_POINT = {
  type: 'address' as const,
  lines: ['Rue de l’Exemple, Calais (demo address)'],
  openingHours: [{ days: 'Mon–Fri', hours: '10:00–17:00' }],
};

export const RECEPTION_CENTRES: DemoArticle = {
  slug: 'reception-centres',
  topic: 'reception_relocation',
  source: 'en',
  texts: {
    en: {
      title: 'Reception and orientation centres',
      summary:
        'You can leave the camp for a place in a centre elsewhere in France, with a bed and help with your papers.',
      body: `Reception and orientation centres are small centres in towns across France. You can stay there while you decide what to do next and while you ask for asylum.

## What a centre offers
- A bed and a roof, and food or help to buy food
- Social workers who help with your asylum application and appointments
- Access to health care

## Before you decide
Going to a centre is your choice. Ask where the centre is, how you will get there and what help you will find. If you are with your family, say so, so that you stay together. Children alone are offered places in centres for children.

If you leave the centre, your place may be given to someone else.`,
      blocks: [
        { ...DEMO_POINT, name: 'Information point (demo)', note: 'Ask here about places in centres.' },
      ],
    },
    fr: {
      title: 'Les centres d’accueil et d’orientation',
      summary:
        'Vous pouvez quitter le camp pour une place dans un centre ailleurs en France, avec un lit et de l’aide pour vos papiers.',
      body: `Les centres d’accueil et d’orientation sont de petits centres dans des villes partout en France. Vous pouvez y rester le temps de décider de la suite et de demander l’asile.

## Ce que propose un centre
- Un lit et un toit, des repas ou une aide pour acheter à manger
- Des travailleurs sociaux qui vous aident pour la demande d’asile et les rendez-vous
- L’accès aux soins

## Avant de décider
Aller dans un centre est votre choix. Demandez où se trouve le centre, comment vous y irez et quelle aide vous y trouverez. Si vous êtes en famille, dites-le pour rester ensemble. Les enfants seuls se voient proposer une place dans des centres pour enfants.

Si vous quittez le centre, votre place peut être donnée à quelqu’un d’autre.`,
      blocks: [
        {
          ...DEMO_POINT,
          name: 'Point d’information (démo)',
          note: 'Renseignez-vous ici sur les places en centre.',
          openingHours: [{ days: 'Lun–Ven', hours: '10 h–17 h' }],
        },
      ],
    },
    ar: {
      title: 'مراكز الاستقبال والتوجيه',
      summary: 'يمكنك أن تترك المخيم إلى مكان في مركز في منطقة أخرى من فرنسا، فيه سرير ومساعدة في أوراقك.',
      body: `مراكز الاستقبال والتوجيه مراكز صغيرة في مدن في كل أنحاء فرنسا. يمكنك أن تبقى فيها ريثما تقرّر خطوتك التالية وأثناء طلب اللجوء.

## ماذا يقدّم المركز
- سرير وسقف، وطعام أو مساعدة لشراء الطعام
- عاملون اجتماعيون يساعدونك في طلب اللجوء والمواعيد
- الوصول إلى الرعاية الصحية

## قبل أن تقرّر
الذهاب إلى مركز هو اختيارك. اسأل أين يقع المركز، وكيف ستصل إليه، وما المساعدة التي ستجدها هناك. إذا كنت مع عائلتك، فقل ذلك لتبقوا معًا. يُعرض على الأطفال غير المصحوبين مكان في مراكز خاصة بالأطفال.

إذا تركت المركز، فقد يُعطى مكانك لشخص آخر.`,
      blocks: [
        {
          ...DEMO_POINT,
          name: 'نقطة معلومات (تجريبية)',
          note: 'اسأل هنا عن الأماكن في المراكز.',
          openingHours: [{ days: 'الاثنين–الجمعة', hours: '10:00–17:00' }],
        },
      ],
    },
    ps: {
      title: 'د هرکلي او لارښوونې مرکزونه',
      summary:
        'تاسو کولی شئ کمپ پرېږدئ او د فرانسې په بله سیمه کې په یوه مرکز کې ځای ونیسئ، چې بستره او ستاسو د اسنادو لپاره مرسته لري.',
      body: `د هرکلي او لارښوونې مرکزونه د فرانسې په بېلابېلو ښارونو کې کوچني مرکزونه دي. تاسو کولی شئ هلته پاتې شئ تر څو پرېکړه وکړئ چې وروسته څه کوئ او په داسې حال کې چې د پناه غوښتنه کوئ.

## مرکز څه وړاندې کوي
- بستره او چت، او خواړه یا د خوړو اخیستلو لپاره مرسته
- ټولنیز کارکوونکي چې د پناه غوښتنې او وختونو کې مرسته کوي
- روغتیايي پاملرنې ته لاسرسی

## مخکې له دې چې پرېکړه وکړئ
مرکز ته تګ ستاسو خپله خوښه ده. وپوښتئ چې مرکز چېرته دی، څنګه به هلته ورسېږئ او کومه مرسته به هلته ومومئ. که له خپلې کورنۍ سره یاست، ووایاست چې یوځای پاتې شئ. یوازې ماشومانو ته د ماشومانو په مرکزونو کې ځای وړاندې کېږي.

که مرکز پرېږدئ، ستاسو ځای کېدای شي بل چا ته ورکړل شي.`,
      blocks: [
        {
          ...DEMO_POINT,
          name: 'د معلوماتو ځای (ازمېښتي)',
          note: 'دلته د مرکزونو د ځایونو په اړه وپوښتئ.',
          openingHours: [{ days: 'دوشنبه–جمعه', hours: '10:00–17:00' }],
        },
      ],
    },
    ti: {
      title: 'ማእከላት ምቕባልን ምምራሕን',
      summary: 'ነቲ መዓስከር ገዲፍኩም ኣብ ካልእ ከባቢ ፈረንሳ ኣብ ዝርከብ ማእከል፡ ዓራትን ንወረቐትኩም ሓገዝን ዘለዎ ቦታ ክትወስዱ ትኽእሉ ኢኹም።',
      body: `ማእከላት ምቕባልን ምምራሕን ኣብ ብዙሓት ከተማታት ፈረንሳ ዝርከቡ ንኣሽቱ ማእከላት እዮም። ቀጻሊ ስጉምትኹም ክሳብ ትውስኑን ዑቕባ ክትሓቱ ከለኹምን ኣብኡ ክትጸንሑ ትኽእሉ።

## ማእከል እንታይ የቕርብ
- ዓራትን መጽለሊን፡ መግቢ ወይ መግቢ ንምግዛእ ሓገዝ
- ኣብ መመልከቲ ዑቕባን ቆጸራታትን ዝሕግዙ ሰራሕተኛታት ማሕበራዊ ጉዳይ
- ሕክምና ናይ ምርካብ ዕድል

## ቅድሚ ምውሳንኩም
ናብ ማእከል ምኻድ ናይ ባዕልኹም ምርጫ እዩ። እቲ ማእከል ኣበይ ከም ዘሎ፡ ብኸመይ ከም እትበጽሑን እንታይ ሓገዝ ከም እትረኽቡን ሕተቱ። ምስ ስድራኹም እንተሊኹም፡ ብሓባር ምእንቲ ክትጸንሑ ንገሩ። በይኖም ንዘለዉ ቆልዑ ኣብ ማእከላት ቆልዑ ቦታ ይወሃቦም።

ነቲ ማእከል እንተገዲፍኩሞ፡ ቦታኹም ንኻልእ ሰብ ክወሃብ ይኽእል።`,
      blocks: [
        {
          ...DEMO_POINT,
          name: 'ቦታ ሓበሬታ (ፈተነ)',
          note: 'ብዛዕባ ቦታታት ኣብ ማእከላት ኣብዚ ሕተቱ።',
          openingHours: [{ days: 'ሰኑይ–ዓርቢ', hours: '10:00–17:00' }],
        },
      ],
    },
  },
};
