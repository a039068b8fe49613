import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../i18n/format';
import { BiaForm } from '../forms/BiaForm';
import { ChildProtectionForm } from '../forms/ChildProtectionForm';
import { GeneralForm } from '../forms/GeneralForm';
import { TraffickingForm } from '../forms/TraffickingForm';
import { type CaseDetail, type CaseType, RISK_COLOURS } from '../types';

type Kind = CaseDetail['assessments'][number]['kind'];

/** The forms each case type uses (the server checks the same; this only decides what to offer). */
const FORMS: Record<CaseType, Kind[]> = {
  child_protection: ['child_protection', 'bia', 'trafficking'],
  trafficking: ['trafficking', 'child_protection', 'bia'],
  gbv: ['general', 'trafficking'],
  general_protection: ['general', 'trafficking'],
};

export function AssessmentsPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const [form, setForm] = useState<Kind | null>(null);
  const offered = FORMS[c.type].filter((k) => k !== 'bia' || c.unaccompanied);
  const done = () => {
    setForm(null);
    notifications.show({ color: 'green', message: t('assessments.saved') });
  };
  return (
    <Stack gap="md">
      {c.allowed.includes('assess') && (
        <Group gap="xs">
          {offered.map((kind) => (
            <Button
              key={kind}
              size="sm"
              variant={form === kind ? 'filled' : 'light'}
              onClick={() => setForm(kind)}
            >
              {t('assessments.record', { kind: t(`assessments.kinds.${kind}`) })}
            </Button>
          ))}
        </Group>
      )}
      {form && (
        <Card withBorder>
          {form === 'child_protection' && <ChildProtectionForm caseId={c.id} onDone={done} />}
          {form === 'trafficking' && <TraffickingForm caseId={c.id} onDone={done} />}
          {form === 'general' && <GeneralForm caseId={c.id} onDone={done} />}
          {form === 'bia' && <BiaForm caseId={c.id} onDone={done} />}
        </Card>
      )}
      {c.assessments.length === 0 && <Text c="dimmed">{t('assessments.none')}</Text>}
      {c.assessments.map((a) => (
        <Card key={a.id} withBorder padding="sm" data-testid="assessment">
          <Group gap="xs" mb="xs">
            <Text fw={600}>{t(`assessments.kinds.${a.kind}`)}</Text>
            <Text size="sm" c="dimmed">
              {format(a.completedAt)}
            </Text>
            {a.suggestedRisk && (
              <Badge
                color={RISK_COLOURS[a.suggestedRisk as keyof typeof RISK_COLOURS] ?? 'gray'}
                variant="light"
              >
                {t('assessments.suggested', { risk: t(`risks.${a.suggestedRisk}`) })}
              </Badge>
            )}
          </Group>
          {a.answers && (
            <Table withRowBorders={false} fz="sm">
              <Table.Tbody>
                {Object.entries(a.answers).map(([key, value]) => (
                  <Table.Tr key={key}>
                    <Table.Th w="35%">{t(`assessments.answerKeys.${key}`, { defaultValue: key })}</Table.Th>
                    <Table.Td dir="auto">{answerText(value, t)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function answerText(value: unknown, t: (key: string) => string): string {
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  return value === null || value === undefined ? '—' : String(value);
}
