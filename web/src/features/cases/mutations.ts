import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { casePath, casesKeys } from './api';
import type {
  AssessmentInput,
  CaseSummary,
  FollowUpInput,
  OpenCaseInput,
  PlanInput,
  Referral,
  ReferralInput,
} from './types';

/** Any change to a case refreshes the case, its timeline, the lists and the due work. */
function useCaseMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: casesKeys.all });
      void queryClient.invalidateQueries({ queryKey: casesKeys.alerts });
    },
  });
}

export const useOpenCase = () =>
  useCaseMutation((input: OpenCaseInput) => api.post<CaseSummary>('/api/cases', input));

export function useCaseActions(caseId: string) {
  const post =
    <O>(rest: string) =>
    (body: unknown) =>
      api.post<O>(casePath(caseId, rest), body);
  return {
    transition: useCaseMutation(post<CaseSummary>('/transitions')),
    assess: useCaseMutation((input: AssessmentInput) =>
      post<{ caseRisk: string; riskRaised: boolean }>('/assessments')(input),
    ),
    plan: useCaseMutation((input: PlanInput) => post<{ id: string }>('/plans')(input)),
    requestApproval: useCaseMutation(post<{ id: string }>('/approvals')),
    decideApproval: useCaseMutation(
      (input: { approvalId: string; decision: 'approved' | 'rejected'; note?: string }) =>
        api.post<CaseSummary>(
          casePath(caseId, `/approvals/${encodeURIComponent(input.approvalId)}/decision`),
          {
            decision: input.decision,
            ...(input.note ? { note: input.note } : {}),
          },
        ),
    ),
    followUp: useCaseMutation((input: FollowUpInput) => post<{ id: string }>('/follow-ups')(input)),
    note: useCaseMutation(post<{ id: string }>('/notes')),
    service: useCaseMutation(post<{ id: string }>('/services')),
    flag: useCaseMutation(post<{ id: string }>('/flags')),
    unflag: useCaseMutation((input: { flagId: string; reason: string }) =>
      api.post<{ ok: true }>(casePath(caseId, `/flags/${encodeURIComponent(input.flagId)}/remove`), {
        reason: input.reason,
      }),
    ),
    attach: useCaseMutation(post<{ id: string }>('/attachments')),
    refer: useCaseMutation((input: ReferralInput) => post<Referral>('/referrals')(input)),
    reassign: useCaseMutation(post<CaseSummary>('/reassign')),
    action: useCaseMutation((input: { actionId: string; status: 'done' | 'cancelled' }) =>
      api.patch<{ ok: true }>(casePath(caseId, `/actions/${encodeURIComponent(input.actionId)}`), {
        status: input.status,
      }),
    ),
  };
}

export function useReferralDecision() {
  return useCaseMutation((input: { id: string; decision: 'accepted' | 'rejected'; note?: string }) =>
    api.post<Referral>(`/api/referrals/${encodeURIComponent(input.id)}/decision`, {
      decision: input.decision,
      ...(input.note ? { note: input.note } : {}),
    }),
  );
}

export function useRevokeReferral() {
  return useCaseMutation((input: { id: string; reason: string }) =>
    api.post<Referral>(`/api/referrals/${encodeURIComponent(input.id)}/revoke`, { reason: input.reason }),
  );
}
