import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  Article,
  CounsellingInput,
  CounsellingItem,
  CounsellingSession,
  CreateArticleInput,
  FollowUps,
  LanguageTag,
  Preview,
  SaveTranslationInput,
  Translation,
} from './types';

export const informationKeys = {
  articles: ['information', 'articles'] as const,
  translation: (id: string, lang: string) => ['information', 'articles', id, lang] as const,
  sessions: ['information', 'counselling'] as const,
  followUps: ['information', 'counselling', 'follow-ups'] as const,
};

export function useArticles() {
  return useInfiniteQuery({
    queryKey: informationKeys.articles,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Article>>('/api/articles', { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateArticleInput) => api.post<Article>('/api/articles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: informationKeys.articles }),
  });
}

export function useArticleTranslation(id: string, lang: string) {
  return useQuery({
    queryKey: informationKeys.translation(id, lang),
    queryFn: ({ signal }) =>
      api.get<Translation>(`/api/articles/${id}/translations/${lang}`, undefined, signal),
  });
}

/** Every change to a translation answers with the whole translation view: put it in the cache. */
function useTranslationChange<I>(id: string, lang: string, send: (input: I) => Promise<Translation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (translation) => {
      queryClient.setQueryData(informationKeys.translation(id, lang), translation);
      void queryClient.invalidateQueries({ queryKey: informationKeys.articles, exact: true });
    },
  });
}

export function useSaveTranslation(id: string, lang: string) {
  return useTranslationChange(id, lang, (input: SaveTranslationInput) =>
    apiRequest<Translation>('PUT', `/api/articles/${id}/translations/${lang}`, { body: input }),
  );
}

export type WorkflowAction = 'submit' | 'publish' | 'return' | 'archive';

export function useWorkflow(id: string, lang: string) {
  const base = `/api/articles/${id}/translations/${lang}`;
  return useTranslationChange(
    id,
    lang,
    ({ action, version, note }: { action: WorkflowAction; version: number; note?: string }) => {
      if (action === 'submit') return api.post<Translation>(`${base}/submit`, { version });
      if (action === 'archive') return api.post<Translation>(`${base}/archive`, { version });
      return api.post<Translation>(`${base}/review`, {
        version,
        decision: action,
        ...(note ? { note } : {}),
      });
    },
  );
}

export function usePreview() {
  return useMutation({
    mutationFn: (input: SaveTranslationInput & { lang: LanguageTag }) => {
      const { sourceVersion: _ignored, ...content } = input;
      return api.post<Preview>('/api/articles/preview', content);
    },
  });
}

export function useRecordSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CounsellingInput) => api.post<CounsellingSession>('/api/counselling-sessions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: informationKeys.sessions }),
  });
}

export function useSessions() {
  return useInfiniteQuery({
    queryKey: informationKeys.sessions,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CounsellingItem>>('/api/counselling-sessions', { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useFollowUps() {
  return useQuery({
    queryKey: informationKeys.followUps,
    queryFn: ({ signal }) => api.get<FollowUps>('/api/counselling-sessions/follow-ups', undefined, signal),
  });
}

export function useCompleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<CounsellingSession>(`/api/counselling-sessions/${id}/follow-up-done`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: informationKeys.sessions }),
  });
}
