import type { ModuleTranslations } from '../../i18n/types';
import { ar } from './locales/ar';
import { type AuditStrings, en } from './locales/en';
import { fr } from './locales/fr';

const translations: ModuleTranslations<AuditStrings> = { en, fr, ar };
export default translations;
