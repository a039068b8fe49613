import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AccessRefusal,
  AccessRequest,
  ConsentOverview,
  CreateAccessInput,
  CreateErasureInput,
  CreatePolicyInput,
  Erasure,
  Policy,
  RecordTypeInfo,
  RefuseErasureInput,
  RetentionReport,
} from './types';

const BASE = '/api/data-protection';
const RETENTION = `${BASE}/retention`;
export const ERASURES = `${BASE}/erasure-requests`;
export const ACCESS = `${BASE}/access-requests`;

export const dpKeys = {
  all: ['dataprotection'] as const,
  policies: ['dataprotection', 'policies'] as const,
  recordTypes: ['dataprotection', 'record-types'] as const,
  preview: ['dataprotection', 'preview'] as const,
  erasures: ['dataprotection', 'erasures'] as const,
  access: ['dataprotection', 'access'] as const,
  consents: ['dataprotection', 'consents'] as const,
};

export const usePolicies = () =>
  useQuery({
    queryKey: dpKeys.policies,
    queryFn: ({ signal }) => api.get<{ items: Policy[] }>(`${RETENTION}/policies`, undefined, signal),
  });

export const useRecordTypes = () =>
  useQuery({
    queryKey: dpKeys.recordTypes,
    queryFn: ({ signal }) =>
      api.get<{ items: RecordTypeInfo[] }>(`${RETENTION}/record-types`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The next run's dry-run report, computed by the server on each request. */
export const usePreview = () =>
  useQuery({
    queryKey: dpKeys.preview,
    queryFn: ({ signal }) => api.get<RetentionReport>(`${RETENTION}/preview`, undefined, signal),
  });

export const useErasures = () =>
  useQuery({
    queryKey: dpKeys.erasures,
    queryFn: ({ signal }) => api.get<{ items: Erasure[] }>(ERASURES, undefined, signal),
  });

export const useAccessRequests = () =>
  useQuery({
    queryKey: dpKeys.access,
    queryFn: ({ signal }) => api.get<{ items: AccessRequest[] }>(ACCESS, undefined, signal),
  });

export const useConsentOverview = () =>
  useQuery({
    queryKey: dpKeys.consents,
    queryFn: ({ signal }) => api.get<ConsentOverview>(`${BASE}/consents`, undefined, signal),
  });

/** A write that refreshes the whole module afterwards (a run or an erasure changes several views). */
function useDpMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: dpKeys.all }),
  });
}

export const useCreatePolicy = () =>
  useDpMutation((input: CreatePolicyInput) => api.post<Policy>(`${RETENTION}/policies`, input));

export const useChangePolicy = () =>
  useDpMutation((input: { id: string; mode?: Policy['mode']; keepDays?: number; version: number }) => {
    const { id, ...body } = input;
    return api.patch<Policy>(`${RETENTION}/policies/${encodeURIComponent(id)}`, body);
  });

export const useRunRetention = () =>
  useDpMutation((dryRun: boolean) => api.post<RetentionReport>(`${RETENTION}/runs`, { dryRun }));

export const useFileErasure = () =>
  useDpMutation((input: CreateErasureInput) => api.post<Erasure>(ERASURES, input));

export const useDecideErasure = () =>
  useDpMutation(
    (
      input:
        | { id: string; action: 'approve' | 'cancel' }
        | ({ id: string; action: 'refuse' } & RefuseErasureInput),
    ) => {
      const { id, action, ...body } = input;
      return api.post<Erasure>(`${ERASURES}/${encodeURIComponent(id)}/${action}`, body);
    },
  );

export const useFileAccess = () =>
  useDpMutation((input: CreateAccessInput) => api.post<AccessRequest>(ACCESS, input));

export const useDecideAccess = () =>
  useDpMutation(
    (
      input:
        | { id: string; action: 'approve' | 'cancel' }
        | { id: string; action: 'refuse'; reason: AccessRefusal },
    ) => {
      const { id, action, ...body } = input;
      return api.post<AccessRequest>(`${ACCESS}/${encodeURIComponent(id)}/${action}`, body);
    },
  );
