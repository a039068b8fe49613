import { Badge, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseWrites } from '../api';
import { type CaseDetail, EVIDENCE_STATUSES } from '../types';

const DONE = new Set(['received', 'verified', 'not_applicable']);

/** The evidence the legal basis needs, each marked as it comes in (officers change it; others read it). */
export function EvidenceChecklist({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  const { evidence } = useCaseWrites(c.id);
  const canEdit = c.allowed.includes('evidence');
  const done = c.evidence.filter((e) => DONE.has(e.status)).length;
  return (
    <Card withBorder component="section" aria-labelledby="evidence-title" data-testid="evidence">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="evidence-title">
            {t('case.evidence')}
          </Title>
          <Badge variant="light" color={done === c.evidence.length ? 'green' : 'gray'}>
            {done}/{c.evidence.length}
          </Badge>
        </Group>
        <FormAlert error={evidence.error} fields={[]} namespace="reunification" />
        {c.evidence.map((e) =>
          canEdit ? (
            <NativeSelect
              key={e.item}
              data-testid="evidence-item"
              label={t(`case.evidenceItems.${e.item}`)}
              size="xs"
              value={e.status}
              disabled={evidence.isPending}
              onChange={(ev) => evidence.mutate({ item: e.item, status: ev.currentTarget.value })}
              data={EVIDENCE_STATUSES.map((s) => ({ value: s, label: t(`case.evidenceStatuses.${s}`) }))}
            />
          ) : (
            <Group key={e.item} justify="space-between" wrap="nowrap" data-testid="evidence-item">
              <Text size="sm">{t(`case.evidenceItems.${e.item}`)}</Text>
              <Badge variant="outline">{t(`case.evidenceStatuses.${e.status}`)}</Badge>
            </Group>
          ),
        )}
      </Stack>
    </Card>
  );
}
