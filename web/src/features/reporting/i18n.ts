import type { ModuleTranslations } from '../../i18n/types';
import { ar } from './locales/ar';
import { en, type ReportingStrings } from './locales/en';
import { fr } from './locales/fr';

const translations: ModuleTranslations<ReportingStrings> = { en, fr, ar };
export default translations;
