import { useDirection } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api/client';
import type { Locale, Me } from '../api/types';
import { i18n } from '../i18n';
import { applyLocaleToDocument, directionOf, storeLocale } from '../i18n/languages';
import { storeMe, useMe } from './session';

/** A language picked on the sign-in page, saved to the account once the user has signed in. */
let choiceBeforeSignIn: Locale | null = null;

function useApplyLocale() {
  const { setDirection } = useDirection();
  return useCallback(
    (locale: Locale) => {
      storeLocale(locale);
      applyLocaleToDocument(locale);
      setDirection(directionOf(locale));
      if (i18n.language !== locale) void i18n.changeLanguage(locale);
    },
    [setDirection],
  );
}

/**
 * At start, once /api/me has answered and before the signed-in app is drawn: the account's language,
 * so that the first page is drawn, and its strings fetched, in it rather than in this device's last
 * language and then again. `useLocaleSync` below still follows later changes (and a language picked
 * on the sign-in page, which this leaves alone).
 */
export function adoptAccountLocale(locale: Locale): void {
  if (choiceBeforeSignIn) return;
  storeLocale(locale);
  applyLocaleToDocument(locale);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** Switches the interface language; remembered on the account when signed in, on the device before. */
export function useChangeLocale() {
  const applyLocale = useApplyLocale();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  return useCallback(
    async (locale: Locale) => {
      applyLocale(locale);
      if (!me) {
        choiceBeforeSignIn = locale;
        return;
      }
      const updated = await api.patch<Me>('/api/me', { locale });
      storeMe(queryClient, updated);
    },
    [applyLocale, me, queryClient],
  );
}

/** Follows the signed-in user's saved language, unless they just picked one on the sign-in page. */
export function useLocaleSync(): void {
  const applyLocale = useApplyLocale();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const syncedUser = useRef<string | null>(null);

  useEffect(() => {
    if (!me) {
      syncedUser.current = null;
      return;
    }
    if (syncedUser.current === me.user.id) return;
    syncedUser.current = me.user.id;
    const picked = choiceBeforeSignIn;
    choiceBeforeSignIn = null;
    if (picked && picked !== me.user.locale) {
      api.patch<Me>('/api/me', { locale: picked }).then(
        (updated) => storeMe(queryClient, updated),
        () => undefined, // the language still applies on this device; the account keeps its old one
      );
      return;
    }
    applyLocale(me.user.locale);
  }, [me, applyLocale, queryClient]);

  useEffect(() => {
    const setTitle = () => {
      document.title = i18n.t('common:appName');
    };
    setTitle();
    i18n.on('languageChanged', setTitle);
    return () => i18n.off('languageChanged', setTitle);
  }, []);
}
