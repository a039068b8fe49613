import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { applyLocaleToDocument, LANGUAGES, readStoredLocale } from './languages';
import type { ModuleTranslations } from './types';

/**
 * Each feature folder exports its strings from `features/<module>/i18n.ts`; they are merged here
 * under the namespace `<module>`, so a new module adds its own file and touches nothing shared.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../features/*/i18n.ts', { eager: true });

function isTranslations(value: unknown): value is ModuleTranslations {
  if (!value || typeof value !== 'object') return false;
  return LANGUAGES.every(({ code }) => typeof (value as Record<string, unknown>)[code] === 'object');
}

/** A feature's i18n.ts may default-export `{ en, fr, ar }` or export it under any name. */
function translationsOf(file: Record<string, unknown>): ModuleTranslations | undefined {
  if (isTranslations(file.default)) return file.default;
  return Object.values(file).find(isTranslations);
}

function collectNamespaces(): Record<string, ModuleTranslations> {
  const namespaces: Record<string, ModuleTranslations> = { common };
  for (const [path, file] of Object.entries(featureFiles)) {
    const name = /features\/([^/]+)\/i18n\.ts$/.exec(path)?.[1];
    const translations = translationsOf(file);
    if (name && translations) namespaces[name] = translations;
    // A malformed file must not blank the whole app: its keys then show untranslated.
    else console.error(`${path} must export { en, fr, ar }`);
  }
  return namespaces;
}

function buildResources(namespaces: Record<string, ModuleTranslations>): Resource {
  const resources: Resource = {};
  for (const { code } of LANGUAGES) {
    resources[code] = {};
    for (const [namespace, translations] of Object.entries(namespaces)) {
      resources[code][namespace] = translations[code];
    }
  }
  return resources;
}

const initialLocale = readStoredLocale();
applyLocaleToDocument(initialLocale);

const namespaces = collectNamespaces();

void i18next.use(initReactI18next).init({
  resources: buildResources(namespaces),
  lng: initialLocale,
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  ns: Object.keys(namespaces),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});

export const i18n = i18next;
