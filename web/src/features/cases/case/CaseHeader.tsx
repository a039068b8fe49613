import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../i18n/format';
import { personLabel } from '../format';
import { type CaseDetail, RISK_COLOURS } from '../types';
import { AssigneeLine } from './AssigneeLine';

/** Who the case is about, where it stands, and what is due on it (overdue first). */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const due = [...c.dueItems].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  return (
    <Stack gap="sm">
      <div>
        <Title order={1} size="h2" dir="auto" data-testid="case-person">
          {personLabel(c.person)}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge variant="outline" ff="monospace" dir="ltr">
            {c.person.code}
          </Badge>
          <Badge variant="light">{t(`types.${c.type}`)}</Badge>
          <Badge color={RISK_COLOURS[c.risk]} data-testid="case-risk">
            {t('case.riskBadge', { risk: t(`risks.${c.risk}`) })}
          </Badge>
          <Badge color="dark" variant="light" data-testid="case-status">
            {t(`statuses.${c.status}`)}
          </Badge>
          {c.unaccompanied && <Badge color="red">{t('list.unaccompanied')}</Badge>}
          {c.person.nameHidden && (
            <Badge color="gray" variant="outline">
              {t('list.hidden')}
            </Badge>
          )}
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Card withBorder padding="sm">
          <Stack gap={4}>
            <Text size="sm">
              <b>{t('case.opened')}:</b> {format(c.openedAt)}
            </Text>
            <Text size="sm">
              <b>{t('case.lastActivity')}:</b> {format(c.lastActivityAt)}
            </Text>
            <AssigneeLine c={c} />
            <Text size="sm">
              <b>{t('case.person')}:</b> {c.person.age ?? '—'} ·{' '}
              {t(`sexes.${c.person.sex}`, { defaultValue: c.person.sex })}
            </Text>
            {c.riskReason && (
              <Text size="sm" dir="auto">
                <b>{t('case.riskReason')}:</b> {c.riskReason}
              </Text>
            )}
            {c.flags.map((flag) => (
              <Text key={flag.id} size="sm" c="red" dir="auto">
                <b>{t(`flags.${flag.flag}`)}:</b> {flag.reason ?? ''}
              </Text>
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="sm" aria-labelledby="due-title">
          <Text fw={600} id="due-title">
            {t('case.dueItems')}
          </Text>
          {due.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('case.noDue')}
            </Text>
          ) : (
            <List size="sm" spacing={2} data-testid="case-due">
              {due.map((item) => (
                <List.Item key={item.alertId}>
                  {t(`rules.${item.rule}`, { defaultValue: item.rule })} — {format(item.dueAt)}{' '}
                  {item.overdue && (
                    <Badge size="xs" color={item.deadlineState === 'escalated' ? 'red' : 'orange'}>
                      {t(`deadline.${item.deadlineState === 'due' ? 'overdue' : item.deadlineState}`)}
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
