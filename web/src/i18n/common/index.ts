import type { ModuleTranslations } from '../types';
import { ar } from './ar';
import { type CommonStrings, en } from './en';
import { fr } from './fr';

/** Strings of the app shell, shared by every feature (namespace `common`, the default). */
export const common: ModuleTranslations<CommonStrings> = { en, fr, ar };
