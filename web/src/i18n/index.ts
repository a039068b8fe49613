import i18next, { type BackendModule, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { applyLocaleToDocument, isLocale, LANGUAGES, readStoredLocale } from './languages';
import type { ModuleLoaders } from './types';

/**
 * The shell's strings (`common`, every language) are in the entry chunk. Each feature folder
 * exports loaders of its strings from `features/<module>/i18n.ts`, one chunk per language, under
 * the namespace `<module>`: a new module adds its own file and touches nothing shared, and a cold
 * start downloads none of them. A page asks for its namespaces before it is drawn
 * (`loadNamespaces`, app/routes.tsx); a language change loads the namespaces in use first.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../features/*/i18n.ts', { eager: true });

function isLoaders(value: unknown): value is ModuleLoaders {
  if (!value || typeof value !== 'object') return false;
  return LANGUAGES.every(({ code }) => typeof (value as Record<string, unknown>)[code] === 'function');
}

function collectLoaders(): Record<string, ModuleLoaders> {
  const loaders: Record<string, ModuleLoaders> = {};
  for (const [path, file] of Object.entries(featureFiles)) {
    const name = /features\/([^/]+)\/i18n\.ts$/.exec(path)?.[1];
    const found = isLoaders(file.default) ? file.default : Object.values(file).find(isLoaders);
    if (name && found) loaders[name] = found;
    // A malformed file must not blank the whole app: its keys then show untranslated.
    else console.error(`${path} must export loaders { en, fr, ar }`);
  }
  return loaders;
}

const featureLoaders = collectLoaders();

/** Reads a feature's strings from its own chunk (i18next retries a failed download). */
const featureStrings: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = isLocale(language) ? featureLoaders[namespace]?.[language] : undefined;
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function bundledResources(): Resource {
  const resources: Resource = {};
  for (const { code } of LANGUAGES) resources[code] = { common: common[code] };
  return resources;
}

const initialLocale = readStoredLocale();
applyLocaleToDocument(initialLocale);

void i18next
  .use(featureStrings)
  .use(initReactI18next)
  .init({
    resources: bundledResources(),
    // `common` is bundled; the features' namespaces come from the backend above.
    partialBundledLanguages: true,
    lng: initialLocale,
    // Every language carries every key (each locale file is typed against the English one), so no
    // fallback: one would download the English strings beside the user's own on every page.
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((language) => language.code),
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });

export const i18n = i18next;

/**
 * Loads feature namespaces in the current language (and keeps them for a later language change).
 * Resolves even if a download failed: the keys then show untranslated, as with a missing file.
 */
export function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  return i18next.loadNamespaces([...namespaces]);
}
