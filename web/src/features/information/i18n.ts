import type { ModuleLoaders } from '../../i18n/types';
import type { InformationStrings } from './locales/en';

/** One chunk per language, loaded with the first page that needs it (see i18n/index.ts). */
const loaders: ModuleLoaders<InformationStrings> = {
  en: () => import('./locales/en').then((m) => m.en),
  fr: () => import('./locales/fr').then((m) => m.fr),
  ar: () => import('./locales/ar').then((m) => m.ar),
};
export default loaders;
