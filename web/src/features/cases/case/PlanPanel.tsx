import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { PlanForm } from '../forms/PlanForm';
import { useCaseActions } from '../mutations';
import type { CaseDetail } from '../types';

/** The current case plan and its actions; a new version replaces it (and needs approval again). */
export function PlanPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  const { action } = useCaseActions(c.id);
  const canPlan = c.allowed.includes('plan') && (c.status === 'case_plan' || c.status === 'implementation');
  return (
    <Stack gap="md">
      {canPlan && !editing && (
        <Group>
          <Button onClick={() => setEditing(true)}>{c.plan ? t('plan.revise') : t('plan.create')}</Button>
        </Group>
      )}
      {!canPlan && !c.plan && <Text c="dimmed">{t('plan.notYet')}</Text>}
      {editing && (
        <Card withBorder>
          <PlanForm caseId={c.id} onDone={() => setEditing(false)} />
        </Card>
      )}
      {c.plan && (
        <Card withBorder data-testid="case-plan">
          <Group gap="xs" mb="xs">
            <Text fw={600}>{t('plan.version', { version: c.plan.version })}</Text>
            <Badge color={c.plan.approvedAt ? 'green' : 'yellow'} variant="light">
              {c.plan.approvedAt
                ? t('plan.approved', { date: format(c.plan.approvedAt, 'date') })
                : t('plan.notApproved')}
            </Badge>
          </Group>
          {c.plan.goals && (
            <Text size="sm" dir="auto" mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.plan.goals}
            </Text>
          )}
          <FormAlert error={action.error} fields={[]} namespace="cases" />
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.what')}</Table.Th>
                  <Table.Th>{t('plan.who')}</Table.Th>
                  <Table.Th>{t('plan.byWhen')}</Table.Th>
                  <Table.Th>{t('plan.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.plan.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td dir="auto">{a.what ?? '—'}</Table.Td>
                    <Table.Td dir="auto">{a.whoLabel ?? t(`plan.whoOptions.${a.who}`)}</Table.Td>
                    <Table.Td>{a.byWhen}</Table.Td>
                    <Table.Td>
                      {a.status === 'pending' &&
                      (c.allowed.includes('plan') || c.allowed.includes('note')) ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => action.mutate({ actionId: a.id, status: 'done' })}
                        >
                          {t('plan.markDone')}
                        </Button>
                      ) : (
                        t(`plan.statuses.${a.status}`)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
