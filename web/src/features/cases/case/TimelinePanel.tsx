import { Card, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useTimeline } from '../api';
import type { TimelineItem } from '../types';

/** Interpolation values for an event's one-line description, translated where they are codes. */
function describe(t: TFunction<'cases'>, item: TimelineItem): string {
  const s = item.summary as Record<string, string | number | boolean | null | string[]>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const params = {
    from: t(`statuses.${text(s.from)}`, {
      defaultValue: t(`risks.${text(s.from)}`, { defaultValue: text(s.from) }),
    }),
    to: t(`statuses.${text(s.to)}`, { defaultValue: t(`risks.${text(s.to)}`, { defaultValue: text(s.to) }) }),
    type: t(`types.${text(s.type)}`, { defaultValue: '' }),
    risk: t(`risks.${text(s.risk)}`, { defaultValue: '' }),
    kind: t(`assessments.kinds.${text(s.kind)}`, { defaultValue: text(s.kind) }),
    suggested: s.suggestedRisk ? t(`risks.${text(s.suggestedRisk)}`) : t('timeline.noSuggestion'),
    service: t(`services.${text(s.service)}`, { defaultValue: text(s.service) }),
    flag: t(`flags.${text(s.flag)}`, { defaultValue: text(s.flag) }),
    followUpKind: t(`followUps.${text(s.followUpKind)}`, { defaultValue: text(s.followUpKind) }),
    date: text(s.occurredOn) || text(s.providedOn),
    version: String(s.version ?? ''),
    count: Number(s.actions ?? s.concernsNoted ?? 0),
    approval: t(`workflow.approvalKinds.${text(s.approvalKind)}`, { defaultValue: '' }),
  };
  return t(`timeline.kinds.${item.kind}`, { ...params, defaultValue: item.kind });
}

/** Free text of an event (reasons, notes), decrypted by the server only for full access. */
function bodyText(item: TimelineItem): string | null {
  if (!item.body) return null;
  const values = Object.values(item.body).filter((v): v is string => typeof v === 'string' && v.length > 0);
  return values.length > 0 ? values.join(' — ') : null;
}

export function TimelinePanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const timeline = useTimeline(caseId);
  if (timeline.isPending) return <PageLoader label={t('common:loading')} />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  return (
    <Stack gap="xs" data-testid="case-timeline">
      {timeline.data.items.map((item) => (
        <Card key={item.id} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {describe(t, item)}
              </Text>
              {bodyText(item) && (
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {bodyText(item)}
                </Text>
              )}
            </Stack>
            <Text size="xs" c="dimmed" ta="end" style={{ flexShrink: 0 }}>
              {format(item.occurredAt)}
              <br />
              {item.createdByName ?? ''}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
