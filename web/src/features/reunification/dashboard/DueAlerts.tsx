import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { useLegalDate } from '../Countdown';

interface DueAlert {
  id: string;
  rule: string;
  entity: string;
  entityId: string;
  severity: string;
  overdue: boolean;
  dueAt: string | null;
  details: Record<string, unknown> | null;
}

const SEVERITY: Record<string, string> = { urgent: 'red', warning: 'orange', info: 'blue' };
const ENTITIES = { reunification_case: '/reunification/cases/', tracing_request: '/reunification/tracing/' };

function useModuleAlerts(entity: keyof typeof ENTITIES) {
  return useQuery({
    queryKey: ['alerts', 'reunification', entity],
    queryFn: ({ signal }) => api.get<Page<DueAlert>>('/api/alerts', { entity, limit: 50 }, signal),
  });
}

/**
 * The officer's due work in this module: deadline alerts (from the longest lead time before the
 * due date) and new registrations matching an open tracing request. No names: the rule, the
 * legal date and a link to the record.
 */
export function DueAlerts() {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  const cases = useModuleAlerts('reunification_case');
  const tracing = useModuleAlerts('tracing_request');
  const items = [...(tracing.data?.items ?? []), ...(cases.data?.items ?? [])];
  if (!cases.data && !tracing.data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="due-alerts-title" data-testid="due-alerts">
      <Stack gap="xs">
        <Title order={2} size="h4" id="due-alerts-title">
          {t('alerts.due')}
        </Title>
        {items.length === 0 && <Text c="dimmed">{t('alerts.none')}</Text>}
        {items.map((alert) => {
          const rule = alert.rule.replace(/^reunification\./, '');
          const dueOn = typeof alert.details?.dueOn === 'string' ? alert.details.dueOn : null;
          return (
            <Group key={alert.id} justify="space-between" wrap="wrap" data-testid="due-alert">
              <Group gap="xs" wrap="nowrap">
                <Badge color={SEVERITY[alert.severity] ?? 'gray'} variant="light">
                  {t(`alerts.severity.${alert.severity}`, { defaultValue: alert.severity })}
                </Badge>
                <Anchor
                  component={Link}
                  to={`${ENTITIES[alert.entity as keyof typeof ENTITIES]}${encodeURIComponent(alert.entityId)}`}
                >
                  {rule === 'tracing_match'
                    ? t('alerts.tracingMatch')
                    : t(`rules.${rule}`, { defaultValue: alert.rule })}
                </Anchor>
              </Group>
              {dueOn && (
                <Text size="sm" c={alert.overdue ? 'red' : 'dimmed'}>
                  {t('deadline.dueOn', { date: formatDate(dueOn) })}
                </Text>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
