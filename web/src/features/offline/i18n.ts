import type { ModuleTranslations } from '../../i18n/types';
import { ar } from './locales/ar';
import { en, type OfflineStrings } from './locales/en';
import { fr } from './locales/fr';

const translations: ModuleTranslations<OfflineStrings> = { en, fr, ar };
export default translations;
