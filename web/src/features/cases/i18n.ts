import type { ModuleTranslations } from '../../i18n/types';
import { ar } from './locales/ar';
import { type CasesStrings, en } from './locales/en';
import { fr } from './locales/fr';

const translations: ModuleTranslations<CasesStrings> = { en, fr, ar };
export default translations;
