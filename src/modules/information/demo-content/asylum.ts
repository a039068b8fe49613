import type { DemoArticle } from './types.js';

export const ASYLUM_IN_FRANCE: DemoArticle = {
  slug: 'asylum-in-france',
  topic: 'asylum',
  source: 'en',
  texts: {
    en: {
      title: 'Asking for asylum in France',
      summary: 'If you fear going back to your country, you can ask France for protection. Asking is free.',
      body: `## Who can ask
Anyone who fears persecution or serious harm in their own country can ask for asylum in France. You do not need a passport to ask.

## The steps
1. Go to a **reception platform for asylum seekers**. It registers your request and gives you an appointment at the prefecture.
2. At the prefecture's **single desk**, your fingerprints are taken and you are told which procedure applies to you. France may decide that another European country is responsible for your claim.
3. You send your application to **OFPRA**, the office that decides asylum claims, and you are invited to an interview with an interpreter.
4. While your claim is examined, **OFII** can offer you accommodation and an allowance.

## If the answer is no
You can appeal to the **CNDA**, the asylum court. Time limits are short: ask an organisation for help as soon as you receive a decision.

Legal help is free at many associations. Ask the counsellors where to find it.`,
      blocks: [
        {
          type: 'checklist',
          title: 'What to bring',
          items: [
            'Any identity documents you have, even copies',
            'Any papers the authorities gave you',
            'An address where you can receive letters, if you have one',
          ],
        },
        { type: 'phone', label: 'Emergency accommodation (free call)', number: '115' },
      ],
    },
    fr: {
      title: 'Demander l’asile en France',
      summary:
        'Si vous avez peur de retourner dans votre pays, vous pouvez demander la protection de la France. La demande est gratuite.',
      body: `## Qui peut demander
Toute personne qui craint des persécutions ou des atteintes graves dans son pays peut demander l’asile en France. Vous n’avez pas besoin de passeport pour demander.

## Les étapes
1. Allez à une **plateforme d’accueil des demandeurs d’asile**. Elle enregistre votre demande et vous donne un rendez-vous à la préfecture.
2. Au **guichet unique** de la préfecture, on prend vos empreintes et on vous dit quelle procédure s’applique à vous. La France peut décider qu’un autre pays européen est responsable de votre demande.
3. Vous envoyez votre dossier à l’**OFPRA**, l’office qui décide des demandes d’asile, et vous êtes convoqué à un entretien avec un interprète.
4. Pendant l’examen de votre demande, l’**OFII** peut vous proposer un hébergement et une allocation.

## Si la réponse est non
Vous pouvez faire un recours devant la **CNDA**, la cour de l’asile. Les délais sont courts : demandez de l’aide à une association dès que vous recevez une décision.

Beaucoup d’associations donnent une aide juridique gratuite. Demandez aux conseillers où la trouver.`,
      blocks: [
        {
          type: 'checklist',
          title: 'À apporter',
          items: [
            'Tous vos papiers d’identité, même des copies',
            'Les papiers que les autorités vous ont donnés',
            'Une adresse où recevoir du courrier, si vous en avez une',
          ],
        },
        { type: 'phone', label: 'Hébergement d’urgence (appel gratuit)', number: '115' },
      ],
    },
    ar: {
      title: 'طلب اللجوء في فرنسا',
      summary: 'إذا كنت تخاف من العودة إلى بلدك، يمكنك أن تطلب الحماية من فرنسا. الطلب مجاني.',
      body: `## من يمكنه أن يطلب
يمكن لكل شخص يخاف من الاضطهاد أو من ضرر جسيم في بلده أن يطلب اللجوء في فرنسا. لا تحتاج إلى جواز سفر لتقديم الطلب.

## الخطوات
1. اذهب إلى **منصة استقبال طالبي اللجوء**. تسجّل المنصة طلبك وتعطيك موعدًا في المحافظة.
2. في **الشباك الموحّد** في المحافظة، تؤخذ بصماتك ويُقال لك أي إجراء ينطبق عليك. قد تقرّر فرنسا أن بلدًا أوروبيًا آخر هو المسؤول عن طلبك.
3. ترسل ملفك إلى **OFPRA**، وهو المكتب الذي يقرّر في طلبات اللجوء، وتُدعى إلى مقابلة مع مترجم.
4. أثناء دراسة طلبك، يمكن أن يقدّم لك **OFII** سكنًا ومخصّصًا ماليًا.

## إذا كان الجواب بالرفض
يمكنك أن تطعن أمام **CNDA**، وهي محكمة اللجوء. المهل قصيرة: اطلب المساعدة من منظمة فور استلامك القرار.

تقدّم جمعيات كثيرة مساعدة قانونية مجانية. اسأل المرشدين أين تجدها.`,
      blocks: [
        {
          type: 'checklist',
          title: 'ماذا تحضر معك',
          items: [
            'كل وثائق الهوية التي لديك، ولو نسخًا',
            'كل الأوراق التي أعطتك إياها السلطات',
            'عنوان تستلم عليه الرسائل، إن كان لديك',
          ],
        },
        { type: 'phone', label: 'السكن الطارئ (مكالمة مجانية)', number: '115' },
      ],
    },
    ps: {
      title: 'په فرانسه کې د پناه غوښتنه',
      summary:
        'که تاسو خپل هېواد ته د بېرته تګ څخه وېرېږئ، له فرانسې څخه د ساتنې غوښتنه کولی شئ. غوښتنه وړیا ده.',
      body: `## څوک غوښتنه کولی شي
هر هغه څوک چې په خپل هېواد کې له ځورونې یا جدي زیان څخه وېرېږي، په فرانسه کې د پناه غوښتنه کولی شي. د غوښتنې لپاره پاسپورټ ته اړتیا نشته.

## ګامونه
1. د پناه غوښتونکو **د هرکلي مرکز** ته لاړ شئ. دوی ستاسو غوښتنه ثبتوي او په ولایت (پرېفکچر) کې درته وخت درکوي.
2. د ولایت په **یوه کړکۍ** کې ستاسو د ګوتو نښې اخیستل کېږي او درته ویل کېږي چې کوم طرزالعمل پر تاسو تطبیقېږي. فرانسه کېدای شي پرېکړه وکړي چې بل اروپايي هېواد ستاسو د غوښتنې مسؤل دی.
3. تاسو خپل دوسیه **OFPRA** ته لېږئ، هغه دفتر چې د پناه غوښتنو پرېکړه کوي، او له ژباړونکي سره مرکې ته رابلل کېږئ.
4. کله چې ستاسو غوښتنه کتل کېږي، **OFII** کولی شي تاسو ته استوګنځی او مالي مرسته درکړي.

## که ځواب منفي وي
تاسو کولی شئ **CNDA** ته، چې د پناه محکمه ده، استیناف وکړئ. مهال وېش لنډ دی: کله چې پرېکړه ترلاسه کړئ، سمدستي له یوې ادارې څخه مرسته وغواړئ.

ډېرې ادارې وړیا حقوقي مرسته ورکوي. له مشاورینو وپوښتئ چې چېرته یې ومومئ.`,
      blocks: [
        {
          type: 'checklist',
          title: 'له ځان سره څه راوړئ',
          items: [
            'د پېژندګلوۍ ټول اسناد چې لرئ یې، که کاپي هم وي',
            'هغه ټولې پاڼې چې چارواکو درکړې دي',
            'یوه پته چې لیکونه پرې ترلاسه کړئ، که یې لرئ',
          ],
        },
        { type: 'phone', label: 'بېړنی استوګنځی (وړیا زنګ)', number: '115' },
      ],
    },
    ti: {
      title: 'ኣብ ፈረንሳ ዑቕባ ምሕታት',
      summary: 'ናብ ሃገርኩም ምምላስ እንተ ፈሪሕኩም፡ ካብ ፈረንሳ ሓለዋ ክትሓቱ ትኽእሉ ኢኹም። ምሕታት ብነጻ እዩ።',
      body: `## መን ክሓትት ይኽእል
ኣብ ሃገሩ ስደት ወይ ከቢድ ጉድኣት ዝፈርሕ ዝኾነ ሰብ ኣብ ፈረንሳ ዑቕባ ክሓትት ይኽእል። ንምሕታት ፓስፖርት ኣየድልየኩምን።

## ስጉምትታት
1. ናብ **መቐበሊ ሓተትቲ ዑቕባ** ኪዱ። ሕቶኹም ይምዝግብ፡ ኣብ ፕረፌክቸር ድማ ቆጸራ ይህበኩም።
2. ኣብ **ሓደ መስኮት** ናይ ፕረፌክቸር፡ ኣሻራ ኣጻብዕትኹም ይውሰድ፡ ኣየናይ ኣሰራርሓ ከም ዝምልከተኩም ድማ ይንገረኩም። ፈረንሳ ካልእ ሃገር ኤውሮጳ ንሕቶኹም ሓላፍነት ከም ዘለዎ ክትውስን ትኽእል።
3. መመልከቲኹም ናብ **OFPRA** ትሰዱ፡ እዚ ንሕቶታት ዑቕባ ዝውስን ቤት ጽሕፈት እዩ፡ ምስ ተርጓሚ ድማ ናብ ቃለ-መሕትት ትዕደሙ።
4. ሕቶኹም ክሳብ ዝምርመር፡ **OFII** መንበሪን ገንዘባዊ ሓገዝን ክህበኩም ይኽእል።

## እቲ መልሲ ኣይፋል እንተኾይኑ
ናብ **CNDA**፡ ቤት ፍርዲ ዑቕባ፡ ይግባይ ክትብሉ ትኽእሉ። እቲ ግዜ ሓጺር እዩ፡ ውሳነ ምስ በጽሓኩም ብቕልጡፍ ካብ ሓደ ትካል ሓገዝ ሕተቱ።

ብዙሓት ማሕበራት ብነጻ ሕጋዊ ሓገዝ ይህቡ። ኣበይ ከም ትረኽብዎ ንኣማኸርቲ ሕተቱ።`,
      blocks: [
        {
          type: 'checklist',
          title: 'እንታይ ሒዝኩም ትመጹ',
          items: ['ዘለኩም ሰነዳት መንነት፡ ቅዳሕ እውን እንተኾነ', 'ሰበ-ስልጣን ዝሃቡኹም ወረቐታት', 'ደብዳበ እትቕበሉሉ ኣድራሻ፡ እንተሎኩም'],
        },
        { type: 'phone', label: 'ህጹጽ መንበሪ (ብነጻ ምድዋል)', number: '115' },
      ],
    },
  },
};
