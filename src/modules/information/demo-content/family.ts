import type { DemoArticle } from './types.js';

export const FAMILY_REUNIFICATION: DemoArticle = {
  slug: 'family-reunification',
  topic: 'family_reunification',
  source: 'en',
  texts: {
    en: {
      title: 'Joining family in another country',
      summary:
        'If you have close family in another European country, tell the authorities and an organisation as early as possible.',
      body: `If you ask for asylum and a close family member lives legally in another European country, that country may be responsible for your claim. For a child alone, a parent, brother, sister, uncle, aunt or grandparent can count.

## What to do
1. Tell the authorities about your family **at your first asylum appointment**. It is much harder to ask later.
2. Give the names, dates of birth and contact details of your family members, and any documents that show you are related.
3. Ask an organisation to help you: the rules and the time limits are strict.

The United Kingdom no longer follows these European rules. Ask an organisation about the ways to join family there today.

If you have lost contact with your family, the Red Cross can help you look for them.`,
      blocks: [
        {
          type: 'checklist',
          title: 'What to bring',
          items: [
            'Names and dates of birth of your family members',
            'Their address and phone number, if you know them',
            'Photos or documents that show you are family',
          ],
        },
      ],
    },
    fr: {
      title: 'Rejoindre sa famille dans un autre pays',
      summary:
        'Si vous avez de la famille proche dans un autre pays européen, dites-le aux autorités et à une association le plus tôt possible.',
      body: `Si vous demandez l’asile et qu’un membre proche de votre famille vit légalement dans un autre pays européen, ce pays peut être responsable de votre demande. Pour un enfant seul, un parent, un frère, une sœur, un oncle, une tante ou un grand-parent peuvent compter.

## Que faire
1. Parlez de votre famille aux autorités **dès votre premier rendez-vous d’asile**. Il est beaucoup plus difficile de le demander plus tard.
2. Donnez les noms, dates de naissance et coordonnées des membres de votre famille, et tout document qui montre votre lien.
3. Demandez l’aide d’une association : les règles et les délais sont stricts.

Le Royaume-Uni n’applique plus ces règles européennes. Demandez à une association quels sont aujourd’hui les moyens d’y rejoindre sa famille.

Si vous avez perdu le contact avec votre famille, la Croix-Rouge peut vous aider à la rechercher.`,
      blocks: [
        {
          type: 'checklist',
          title: 'À apporter',
          items: [
            'Les noms et dates de naissance des membres de votre famille',
            'Leur adresse et leur téléphone, si vous les connaissez',
            'Des photos ou documents qui montrent votre lien familial',
          ],
        },
      ],
    },
    ar: {
      title: 'الالتحاق بالعائلة في بلد آخر',
      summary:
        'إذا كان لديك أفراد مقرّبون من عائلتك في بلد أوروبي آخر، فأخبر السلطات وإحدى المنظمات بأسرع ما يمكن.',
      body: `إذا طلبت اللجوء وكان أحد أفراد عائلتك المقرّبين يعيش بشكل قانوني في بلد أوروبي آخر، فقد يكون ذلك البلد هو المسؤول عن طلبك. بالنسبة للطفل غير المصحوب، يمكن أن يُحتسب الأب أو الأم أو الأخ أو الأخت أو العم أو الخال أو العمة أو الخالة أو الجد أو الجدة.

## ماذا تفعل
1. أخبر السلطات عن عائلتك **في موعد اللجوء الأول**. الطلب لاحقًا أصعب بكثير.
2. أعطِ أسماء أفراد عائلتك وتواريخ ميلادهم ووسائل الاتصال بهم، وأي وثائق تُثبت القرابة.
3. اطلب المساعدة من منظمة: القواعد والمهل صارمة.

لم تعد المملكة المتحدة تطبّق هذه القواعد الأوروبية. اسأل منظمة عن طرق الالتحاق بالعائلة هناك اليوم.

إذا فقدت الاتصال بعائلتك، يمكن للصليب الأحمر أن يساعدك في البحث عنهم.`,
      blocks: [
        {
          type: 'checklist',
          title: 'ماذا تحضر معك',
          items: [
            'أسماء أفراد عائلتك وتواريخ ميلادهم',
            'عنوانهم ورقم هاتفهم إن كنت تعرفهما',
            'صور أو وثائق تُثبت أنكم عائلة واحدة',
          ],
        },
      ],
    },
    ps: {
      title: 'په بل هېواد کې له کورنۍ سره یوځای کېدل',
      summary: 'که په بل اروپايي هېواد کې نږدې خپلوان لرئ، چارواکو او یوې ادارې ته ژر تر ژره ووایاست.',
      body: `که تاسو د پناه غوښتنه کوئ او ستاسو د کورنۍ یو نږدې غړی په قانوني ډول په بل اروپايي هېواد کې اوسېږي، کېدای شي هغه هېواد ستاسو د غوښتنې مسؤل وي. د یوازې ماشوم لپاره، مور، پلار، ورور، خور، تره، ماما، ترور، خاله، نیکه یا انا حسابېدای شي.

## څه وکړئ
1. چارواکو ته د خپلې کورنۍ په اړه **د پناه غوښتنې په لومړي وخت کې** ووایاست. وروسته غوښتنه ډېره ستونزمنه ده.
2. د خپلې کورنۍ د غړو نومونه، د زېږېدو نېټې او د اړیکې معلومات ورکړئ، او هر هغه سند چې ستاسو خپلوي ښيي.
3. له یوې ادارې څخه مرسته وغواړئ: قواعد او مهال وېش سخت دي.

بریتانیا نور دا اروپايي قواعد نه مني. له یوې ادارې څخه وپوښتئ چې نن ورځ هلته له کورنۍ سره د یوځای کېدو لارې کومې دي.

که له خپلې کورنۍ سره مو اړیکه له لاسه ورکړې وي، سره صلیب کولی شي د هغوی په موندلو کې مرسته وکړي.`,
      blocks: [
        {
          type: 'checklist',
          title: 'له ځان سره څه راوړئ',
          items: [
            'د کورنۍ د غړو نومونه او د زېږېدو نېټې',
            'د هغوی پته او د تلیفون شمېره، که یې پېژنئ',
            'انځورونه یا اسناد چې وښيي تاسو یوه کورنۍ یاست',
          ],
        },
      ],
    },
    ti: {
      title: 'ኣብ ካልእ ሃገር ምስ ስድራ ምጽንባር',
      summary: 'ኣብ ካልእ ሃገር ኤውሮጳ ቀረባ ስድራ እንተሎኩም፡ ንሰበ-ስልጣንን ንሓደ ትካልን ብዝቐልጠፈ ንገሩ።',
      body: `ዑቕባ እንተሓቲትኩም፡ ሓደ ቀረባ ኣባል ስድራኹም ድማ ኣብ ካልእ ሃገር ኤውሮጳ ብሕጋዊ መንገዲ እንተነበረ፡ እታ ሃገር ንሕቶኹም ሓላፍነት ክህልዋ ይኽእል። ንበይኑ ንዘሎ ቆልዓ፡ ወላዲ፡ ሓው፡ ሓብቲ፡ ኣኮ፡ ኣሞ ወይ ኣባሓጎ ክቑጸሩ ይኽእሉ።

## እንታይ ትገብሩ
1. ብዛዕባ ስድራኹም **ኣብ ቀዳማይ ቆጸራ ዑቕባ** ንሰበ-ስልጣን ንገሩ። ደሓር ምሕታት ኣዝዩ ከቢድ እዩ።
2. ኣስማት፡ ዕለት ልደትን ኣድራሻን ኣባላት ስድራኹም፡ ዝምድናኹም ዘርኢ ሰነዳትን ሃቡ።
3. ካብ ሓደ ትካል ሓገዝ ሕተቱ፡ እቲ ሕግታትን ግዜን ጽኑዕ እዩ።

ዓባይ ብሪጣንያ ነዚ ሕግታት ኤውሮጳ ደጊም ኣይትኽተሎን። ሎሚ ኣብኡ ምስ ስድራ ንምጽንባር ዘለዉ መንገድታት ንሓደ ትካል ሕተቱ።

ምስ ስድራኹም ርክብ እንተሰኢንኩም፡ ቀይሕ መስቀል ንምድላዮም ክሕግዘኩም ይኽእል።`,
      blocks: [
        {
          type: 'checklist',
          title: 'እንታይ ሒዝኩም ትመጹ',
          items: [
            'ኣስማትን ዕለት ልደትን ኣባላት ስድራኹም',
            'ኣድራሻኦምን ቁጽሪ ተሌፎኖምን፡ እንተ ፈሊጥኩም',
            'ስድራ ምዃንኩም ዘርኢ ስእልታት ወይ ሰነዳት',
          ],
        },
      ],
    },
  },
};
