import type { ModuleTranslations } from '../../i18n/types';
import { ar } from './locales/ar';
import { type DataProtectionStrings, en } from './locales/en';
import { fr } from './locales/fr';

const translations: ModuleTranslations<DataProtectionStrings> = { en, fr, ar };
export default translations;
