/*
 * The access-request letter in the languages it has a template for. Other languages fall back to
 * English (the JSON export is language-neutral). Values in braces are filled in; codes without a
 * translation (case types, statuses) print as they are stored.
 */

export interface Template {
  dir: 'ltr' | 'rtl';
  title: string;
  intro: string;
  sections: Record<
    | 'person'
    | 'identity'
    | 'households'
    | 'needs'
    | 'consents'
    | 'cases'
    | 'counselling'
    | 'reception'
    | 'reunification'
    | 'recipients'
    | 'accesses'
    | 'retention'
    | 'rights',
    string
  >;
  fields: Record<string, string>;
  values: Record<string, string>;
  none: string;
  days: string;
  rights: string;
}

const en: Template = {
  dir: 'ltr',
  title: 'Your personal data held by {controller}',
  intro:
    'This document lists everything {controller} holds about you, as article 15 of the General Data Protection Regulation entitles you to ask. It was prepared on {date}.',
  sections: {
    person: 'About you',
    identity: 'Names and identity',
    households: 'Household',
    needs: 'Specific needs',
    consents: 'Consents',
    cases: 'Protection cases',
    counselling: 'Counselling sessions',
    reception: 'Accommodation and relocation',
    reunification: 'Family tracing and reunification',
    recipients: 'Organisations your data was shared with',
    accesses: 'Who accessed your record',
    retention: 'How long your data is kept',
    rights: 'Your rights',
  },
  fields: {
    code: 'Code',
    status: 'Status',
    sex: 'Sex',
    birthYear: 'Year of birth',
    nationality: 'Nationality',
    languages: 'Languages',
    site: 'Site',
    registeredAt: 'Registered on',
    givenName: 'Given name',
    familyName: 'Family name',
    fathersName: "Father's name",
    originalScriptName: 'Name in original script',
    otherNames: 'Other names',
    birthDate: 'Date of birth',
    phone: 'Phone',
    placeOfOrigin: 'Place of origin',
    documents: 'Documents',
    notes: 'Notes',
  },
  values: {
    female: 'female',
    male: 'male',
    services: 'services',
    referral: 'referral to other organisations',
    tracing: 'family tracing',
    information_sharing: 'information sharing',
    consent: 'your consent',
    vital_interest: 'vital interest',
    withdrawn: 'withdrawn on',
  },
  none: 'None.',
  days: '{n} days',
  rights:
    'You may ask for your data to be corrected or erased, object to its use, or withdraw your consent at any time, by speaking to any member of staff of {controller}. You may also complain to the data protection authority.',
};

const fr: Template = {
  dir: 'ltr',
  title: 'Vos données personnelles détenues par {controller}',
  intro:
    "Ce document liste tout ce que {controller} détient à votre sujet, comme l'article 15 du Règlement général sur la protection des données vous permet de le demander. Il a été établi le {date}.",
  sections: {
    person: 'Vous concernant',
    identity: 'Noms et identité',
    households: 'Foyer',
    needs: 'Besoins spécifiques',
    consents: 'Consentements',
    cases: 'Dossiers de protection',
    counselling: "Entretiens d'information",
    reception: 'Hébergement et orientation',
    reunification: 'Recherche familiale et réunification',
    recipients: 'Organisations avec lesquelles vos données ont été partagées',
    accesses: 'Qui a consulté votre dossier',
    retention: 'Durée de conservation de vos données',
    rights: 'Vos droits',
  },
  fields: {
    code: 'Code',
    status: 'Statut',
    sex: 'Sexe',
    birthYear: 'Année de naissance',
    nationality: 'Nationalité',
    languages: 'Langues',
    site: 'Site',
    registeredAt: 'Enregistré le',
    givenName: 'Prénom',
    familyName: 'Nom de famille',
    fathersName: 'Nom du père',
    originalScriptName: "Nom dans l'écriture d'origine",
    otherNames: 'Autres noms',
    birthDate: 'Date de naissance',
    phone: 'Téléphone',
    placeOfOrigin: "Lieu d'origine",
    documents: 'Documents',
    notes: 'Notes',
  },
  values: {
    female: 'femme',
    male: 'homme',
    services: 'services',
    referral: 'orientation vers d’autres organisations',
    tracing: 'recherche familiale',
    information_sharing: "partage d'informations",
    consent: 'votre consentement',
    vital_interest: 'intérêt vital',
    withdrawn: 'retiré le',
  },
  none: 'Aucun.',
  days: '{n} jours',
  rights:
    "Vous pouvez demander que vos données soient rectifiées ou effacées, vous opposer à leur utilisation ou retirer votre consentement à tout moment, en vous adressant à tout membre du personnel de {controller}. Vous pouvez aussi saisir l'autorité de protection des données (en France, la CNIL).",
};

const ar: Template = {
  dir: 'rtl',
  title: 'بياناتك الشخصية المحفوظة لدى {controller}',
  intro:
    'تعرض هذه الوثيقة كل ما تحتفظ به {controller} من بيانات عنك، وفقاً لحقك في الاطلاع المنصوص عليه في المادة 15 من اللائحة العامة لحماية البيانات. أُعدّت هذه الوثيقة في {date}.',
  sections: {
    person: 'معلومات عنك',
    identity: 'الأسماء والهوية',
    households: 'الأسرة',
    needs: 'الاحتياجات الخاصة',
    consents: 'الموافقات',
    cases: 'ملفات الحماية',
    counselling: 'جلسات الإرشاد',
    reception: 'الإيواء والنقل',
    reunification: 'البحث عن الأقارب ولمّ الشمل',
    recipients: 'المنظمات التي شوركت معها بياناتك',
    accesses: 'من اطّلع على ملفك',
    retention: 'مدة الاحتفاظ ببياناتك',
    rights: 'حقوقك',
  },
  fields: {
    code: 'الرمز',
    status: 'الحالة',
    sex: 'الجنس',
    birthYear: 'سنة الميلاد',
    nationality: 'الجنسية',
    languages: 'اللغات',
    site: 'الموقع',
    registeredAt: 'تاريخ التسجيل',
    givenName: 'الاسم',
    familyName: 'اسم العائلة',
    fathersName: 'اسم الأب',
    originalScriptName: 'الاسم بالخط الأصلي',
    otherNames: 'أسماء أخرى',
    birthDate: 'تاريخ الميلاد',
    phone: 'الهاتف',
    placeOfOrigin: 'مكان المنشأ',
    documents: 'الوثائق',
    notes: 'ملاحظات',
  },
  values: {
    female: 'أنثى',
    male: 'ذكر',
    services: 'الخدمات',
    referral: 'الإحالة إلى منظمات أخرى',
    tracing: 'البحث عن الأقارب',
    information_sharing: 'تبادل المعلومات',
    consent: 'موافقتك',
    vital_interest: 'مصلحة حيوية',
    withdrawn: 'سُحبت في',
  },
  none: 'لا شيء.',
  days: '{n} يوماً',
  rights:
    'يمكنك أن تطلب تصحيح بياناتك أو محوها، وأن تعترض على استخدامها، وأن تسحب موافقتك في أي وقت، بالتحدث إلى أي موظف لدى {controller}. ويمكنك أيضاً تقديم شكوى إلى سلطة حماية البيانات.',
};

export const TEMPLATES: Record<string, Template> = { en, fr, ar };

/** The template for a BCP 47 tag (its primary language), English when there is none. */
export function templateFor(language: string): { language: string; template: Template } {
  const primary = language.toLowerCase().split('-')[0]!;
  const template = TEMPLATES[primary];
  return template ? { language: primary, template } : { language: 'en', template: en };
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
