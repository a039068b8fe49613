import { Button, Card, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { type CaseDetail, type CaseStatus, CLOSURE_REASONS } from '../types';

/**
 * The workflow as the server allows it now: each next step with what still blocks it, the
 * approvals to ask for, and (for supervisors) the approvals waiting for a decision.
 */
export function WorkflowBar({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const [moving, setMoving] = useState<CaseStatus | null>(null);
  const [askClosure, setAskClosure] = useState(false);
  const actions = useCaseActions(c.id);
  const pending = c.approvals.filter((a) => a.status === 'pending');
  const pendingPlan = pending.some((a) => a.kind === 'plan');
  const pendingClosure = pending.some((a) => a.kind === 'closure');
  if (c.nextSteps.length === 0 && pending.length === 0) return null;
  return (
    <Card withBorder padding="sm" aria-labelledby="next-steps-title">
      <Stack gap="xs">
        <Text fw={600} id="next-steps-title">
          {t('workflow.title')}
        </Text>
        <Group gap="xs" wrap="wrap">
          {c.nextSteps.map((step) => (
            <Stack key={step.to} gap={2}>
              <Button
                size="sm"
                variant={step.ready ? 'filled' : 'default'}
                disabled={!step.ready}
                onClick={() => setMoving(step.to)}
              >
                {t('workflow.moveTo', { status: t(`statuses.${step.to}`) })}
              </Button>
              {step.blockedBy && (
                <Text size="xs" c="dimmed" maw={220}>
                  {t(`workflow.blocked.${step.blockedBy}`)}
                </Text>
              )}
            </Stack>
          ))}
          {c.allowed.includes('requestApproval') &&
            c.nextSteps.some((s) => s.blockedBy === 'approved_plan') && (
              <Button
                size="sm"
                variant="light"
                disabled={pendingPlan}
                loading={actions.requestApproval.isPending}
                onClick={() => actions.requestApproval.mutate({ kind: 'plan' })}
              >
                {pendingPlan ? t('workflow.planApprovalPending') : t('workflow.askPlanApproval')}
              </Button>
            )}
          {c.allowed.includes('requestApproval') &&
            c.nextSteps.some((s) => s.blockedBy === 'closure_approval') && (
              <Button size="sm" variant="light" disabled={pendingClosure} onClick={() => setAskClosure(true)}>
                {pendingClosure ? t('workflow.closureApprovalPending') : t('workflow.askClosure')}
              </Button>
            )}
        </Group>
        {c.allowed.includes('approve') && pending.length > 0 && <PendingApprovals c={c} />}
        <FormAlert error={actions.requestApproval.error} fields={[]} namespace="cases" />
      </Stack>
      {moving && <TransitionDialog c={c} to={moving} onClose={() => setMoving(null)} />}
      {askClosure && <ClosureRequestDialog c={c} onClose={() => setAskClosure(false)} />}
    </Card>
  );
}

function PendingApprovals({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const { decideApproval } = useCaseActions(c.id);
  return (
    <Stack gap={4} data-testid="pending-approvals">
      {c.approvals
        .filter((a) => a.status === 'pending')
        .map((approval) => (
          <Group key={approval.id} gap="xs">
            <Text size="sm">
              {t(`workflow.approvalKinds.${approval.kind}`)}
              {approval.closureReason ? ` — ${t(`closureReasons.${approval.closureReason}`)}` : ''}
            </Text>
            <Button
              size="compact-sm"
              color="green"
              onClick={() => decideApproval.mutate({ approvalId: approval.id, decision: 'approved' })}
            >
              {t('workflow.approve')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              onClick={() => decideApproval.mutate({ approvalId: approval.id, decision: 'rejected' })}
            >
              {t('workflow.reject')}
            </Button>
          </Group>
        ))}
      <FormAlert error={decideApproval.error} fields={[]} namespace="cases" />
    </Stack>
  );
}

function TransitionDialog({ c, to, onClose }: { c: CaseDetail; to: CaseStatus; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { transition } = useCaseActions(c.id);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    transition.mutate({ to, ...(reason.trim() ? { reason } : {}) }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('workflow.moveTo', { status: t(`statuses.${to}`) })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={transition.error} fields={['reason']} namespace="cases" />
          <Textarea
            label={t('workflow.reason')}
            description={t('workflow.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors(transition.error).reason}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {t('workflow.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ClosureRequestDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { requestApproval } = useCaseActions(c.id);
  const [closureReason, setClosureReason] = useState<string>(CLOSURE_REASONS[0]);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    requestApproval.mutate(
      { kind: 'closure', closureReason, ...(note.trim() ? { note } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('workflow.askClosure')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={requestApproval.error} fields={['closureReason', 'note']} namespace="cases" />
          <NativeSelect
            label={t('workflow.closureReason')}
            value={closureReason}
            onChange={(e) => setClosureReason(e.currentTarget.value)}
            data={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closureReasons.${r}`) }))}
          />
          <Textarea
            label={t('workflow.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={requestApproval.isPending}>
              {t('workflow.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
