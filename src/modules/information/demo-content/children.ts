import type { DemoArticle } from './types.js';

export const CHILDREN_ALONE: DemoArticle = {
  slug: 'children-alone',
  topic: 'unaccompanied_children',
  source: 'en',
  texts: {
    en: {
      title: 'Help for children alone',
      summary: 'If you are under 18 and in France without your parents, you have a right to protection.',
      body: `If you are under 18 and in France without your parents or another adult responsible for you, the child protection service of the department must protect you. It can give you a place to live, food and care, and help you go to school.

## What happens
- You can go to the child protection service yourself, or ask an organisation to go with you.
- The department may check your age and your situation. You can ask an organisation to support you.
- You do not need to ask for asylum to be protected as a child. You can also ask for asylum, and you will get help to do it.

## If you have family in another country
Tell the social workers. Children alone can sometimes join family in another European country. Ask early.`,
      blocks: [
        { type: 'phone', label: 'Children in danger (free, day and night)', number: '119' },
        { type: 'phone', label: 'Emergency', number: '112' },
      ],
    },
    fr: {
      title: 'Aide pour les enfants seuls',
      summary:
        'Si vous avez moins de 18 ans et êtes en France sans vos parents, vous avez droit à une protection.',
      body: `Si vous avez moins de 18 ans et êtes en France sans vos parents ni un autre adulte responsable de vous, l’aide sociale à l’enfance du département doit vous protéger. Elle peut vous donner un logement, de la nourriture et des soins, et vous aider à aller à l’école.

## Comment ça se passe
- Vous pouvez aller vous-même à l’aide sociale à l’enfance, ou demander à une association de vous accompagner.
- Le département peut vérifier votre âge et votre situation. Vous pouvez demander le soutien d’une association.
- Vous n’avez pas besoin de demander l’asile pour être protégé comme enfant. Vous pouvez aussi demander l’asile, et on vous aidera à le faire.

## Si vous avez de la famille dans un autre pays
Dites-le aux travailleurs sociaux. Les enfants seuls peuvent parfois rejoindre leur famille dans un autre pays européen. Demandez tôt.`,
      blocks: [
        { type: 'phone', label: 'Enfance en danger (gratuit, jour et nuit)', number: '119' },
        { type: 'phone', label: 'Urgences', number: '112' },
      ],
    },
    ar: {
      title: 'مساعدة الأطفال غير المصحوبين',
      summary: 'إذا كان عمرك أقل من 18 سنة وكنت في فرنسا من دون والديك، فلك الحق في الحماية.',
      body: `إذا كان عمرك أقل من 18 سنة وكنت في فرنسا من دون والديك أو شخص بالغ مسؤول عنك، فعلى مصلحة حماية الطفولة في المقاطعة أن تحميك. يمكنها أن تعطيك مكانًا للسكن وطعامًا ورعاية، وأن تساعدك على الذهاب إلى المدرسة.

## ماذا يحدث
- يمكنك أن تذهب بنفسك إلى مصلحة حماية الطفولة، أو أن تطلب من منظمة أن ترافقك.
- قد تتحقّق المقاطعة من عمرك ومن وضعك. يمكنك أن تطلب دعم منظمة.
- لا تحتاج إلى طلب اللجوء لتُحمى كطفل. يمكنك أيضًا أن تطلب اللجوء، وستحصل على مساعدة لذلك.

## إذا كانت لديك عائلة في بلد آخر
أخبر العاملين الاجتماعيين. يمكن للأطفال غير المصحوبين أحيانًا أن يلتحقوا بعائلاتهم في بلد أوروبي آخر. اسأل مبكرًا.`,
      blocks: [
        { type: 'phone', label: 'الأطفال في خطر (مجاني، ليلًا ونهارًا)', number: '119' },
        { type: 'phone', label: 'الطوارئ', number: '112' },
      ],
    },
    ps: {
      title: 'د یوازې ماشومانو لپاره مرسته',
      summary: 'که ستاسو عمر له ۱۸ کلونو کم وي او په فرانسه کې بې له مور او پلار یاست، د ساتنې حق لرئ.',
      body: `که ستاسو عمر له ۱۸ کلونو کم وي او په فرانسه کې بې له مور او پلار یا بل مسؤل لوی سړي یاست، د ولایت د ماشومانو د ساتنې اداره باید ستاسو ساتنه وکړي. دا اداره کولی شي تاسو ته د اوسېدو ځای، خواړه او پاملرنه درکړي، او ښوونځي ته په تګ کې مرسته وکړي.

## څه پېښېږي
- تاسو کولی شئ پخپله د ماشومانو د ساتنې ادارې ته لاړ شئ، یا له یوې ادارې وغواړئ چې درسره لاړه شي.
- ولایت کېدای شي ستاسو عمر او حالت وڅېړي. تاسو کولی شئ له یوې ادارې ملاتړ وغواړئ.
- د ماشوم په توګه د ساتنې لپاره د پناه غوښتنې ته اړتیا نشته. تاسو د پناه غوښتنه هم کولی شئ، او په دې کې به درسره مرسته کېږي.

## که په بل هېواد کې کورنۍ لرئ
ټولنیزو کارکوونکو ته ووایاست. یوازې ماشومان ځینې وختونه کولی شي په بل اروپايي هېواد کې له خپلې کورنۍ سره یوځای شي. ژر یې وپوښتئ.`,
      blocks: [
        { type: 'phone', label: 'په خطر کې ماشومان (وړیا، شپه او ورځ)', number: '119' },
        { type: 'phone', label: 'بېړني حالات', number: '112' },
      ],
    },
    ti: {
      title: 'ሓገዝ ንበይኖም ዘለዉ ቆልዑ',
      summary: 'ዕድሜኹም ትሕቲ 18 እንተኾይኑ ብዘይ ወለድኹም ድማ ኣብ ፈረንሳ እንተሊኹም፡ ሓለዋ ናይ ምርካብ መሰል ኣለኩም።',
      body: `ዕድሜኹም ትሕቲ 18 እንተኾይኑ፡ ብዘይ ወለድኹም ወይ ብዘይ ካልእ ሓላፍነት ዝወሰደ ዓቢ ሰብ ድማ ኣብ ፈረንሳ እንተሊኹም፡ ኣገልግሎት ሓለዋ ቆልዑ ናይቲ ዞባ ክሕልወኩም ኣለዎ። መንበሪ፡ መግብን ክንክንን ክህበኩም፡ ናብ ቤት ትምህርቲ ንምኻድ ድማ ክሕግዘኩም ይኽእል።

## እንታይ ይኸውን
- ባዕልኹም ናብ ኣገልግሎት ሓለዋ ቆልዑ ክትከዱ ትኽእሉ፡ ወይ ሓደ ትካል ምሳኹም ክኸይድ ክትሓቱ ትኽእሉ።
- እቲ ዞባ ዕድሜኹምን ኩነታትኩምን ክምርምር ይኽእል። ካብ ሓደ ትካል ደገፍ ክትሓቱ ትኽእሉ።
- ከም ቆልዓ ንምሕላው ዑቕባ ምሕታት ኣየድልየኩምን። ዑቕባ እውን ክትሓቱ ትኽእሉ፡ ንዕኡ ድማ ሓገዝ ክትረኽቡ ኢኹም።

## ኣብ ካልእ ሃገር ስድራ እንተሎኩም
ንሰራሕተኛታት ማሕበራዊ ጉዳይ ንገሩ። በይኖም ዘለዉ ቆልዑ ሓድሓደ ግዜ ኣብ ካልእ ሃገር ኤውሮጳ ምስ ስድራኦም ክጽንበሩ ይኽእሉ። ኣቐዲምኩም ሕተቱ።`,
      blocks: [
        { type: 'phone', label: 'ኣብ ሓደጋ ዘለዉ ቆልዑ (ብነጻ፡ ለይትን መዓልትን)', number: '119' },
        { type: 'phone', label: 'ህጹጽ ሓገዝ', number: '112' },
      ],
    },
  },
};
