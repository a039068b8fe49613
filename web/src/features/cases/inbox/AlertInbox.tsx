import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useAlerts } from '../api';
import type { Alert } from '../types';

const SEVERITY: Record<string, string> = { urgent: 'red', warning: 'orange', info: 'blue' };

const id = (value: string) => encodeURIComponent(value);

/**
 * Where each alert leads: its case (protection or reunification), its tracing request, the
 * referral inbox, the pathway tab of the person a procedure or appointment is about, or the person.
 */
function linkOf(alert: Alert): string | null {
  if (alert.rule === 'cases.referral_received') return '/cases/referrals';
  if (alert.entity === 'case') return `/cases/${alert.entityId}`;
  if (alert.entity === 'reunification_case') return `/reunification/cases/${id(alert.entityId)}`;
  if (alert.entity === 'tracing_request') return `/reunification/tracing/${id(alert.entityId)}`;
  if ((alert.entity === 'procedure' || alert.entity === 'appointment') && alert.personId)
    return `/people/${id(alert.personId)}?tab=pathway`;
  if (alert.rule === 'cases.proposed') return `/cases/new?personId=${encodeURIComponent(alert.entityId)}`;
  if (alert.entity === 'person') return `/people/${alert.entityId}`;
  return null;
}

/**
 * The home page's inbox: the user's due work, due first (overdue and escalated at the top). Shown
 * to every role the server lets read alerts; names never appear, only what is due and where.
 */
export function AlertInbox() {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const canRead = usePermissions().has('alerts.read');
  const alerts = useAlerts(canRead);
  if (!canRead) return null;
  return (
    <Card withBorder component="section" aria-labelledby="inbox-title" data-testid="alert-inbox">
      <Stack gap="xs">
        <Title order={2} size="h3" id="inbox-title">
          {t('inbox.title')}
        </Title>
        {alerts.isError && <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />}
        {alerts.data?.items.length === 0 && <Text c="dimmed">{t('inbox.empty')}</Text>}
        {alerts.data?.items.map((alert) => {
          const to = linkOf(alert);
          const label = t(`rules.${alert.rule}`, { defaultValue: alert.rule });
          return (
            <Group key={alert.id} justify="space-between" wrap="nowrap" data-testid="inbox-item">
              <Group gap="xs" wrap="nowrap">
                <Badge color={SEVERITY[alert.severity] ?? 'gray'} variant="light">
                  {t(`severity.${alert.severity}`, { defaultValue: alert.severity })}
                </Badge>
                {to ? (
                  <Anchor component={Link} to={to}>
                    {label}
                  </Anchor>
                ) : (
                  <Text>{label}</Text>
                )}
                {typeof alert.details?.caseType === 'string' && (
                  <Text size="sm" c="dimmed">
                    {t(`types.${alert.details.caseType}`, { defaultValue: '' })}
                  </Text>
                )}
              </Group>
              <Group gap="xs" wrap="nowrap">
                {alert.overdue && (
                  <Badge color={alert.deadlineState === 'escalated' ? 'red' : 'orange'}>
                    {t(`deadline.${alert.deadlineState === 'escalated' ? 'escalated' : 'overdue'}`)}
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {format(alert.dueAt)}
                </Text>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
