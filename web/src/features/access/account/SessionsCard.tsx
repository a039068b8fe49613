import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useOwnSessions, useRevokeOwnSession } from '../api';

/** A readable device name from a user-agent string, without a parsing library. */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Firefox|Edg|OPR|Chrome|Safari)\/[\d.]+/
    .exec(userAgent)?.[1]
    ?.replace('Edg', 'Edge')
    .replace('OPR', 'Opera');
  const system = /(Android|iPhone|iPad|Windows|Mac OS X|Linux|CrOS)/
    .exec(userAgent)?.[1]
    ?.replace('Mac OS X', 'macOS');
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

export function SessionsCard() {
  const { t } = useTranslation('access');
  const format = useFormatDateTime();
  const sessions = useOwnSessions();
  const revoke = useRevokeOwnSession();
  return (
    <Card withBorder component="section" aria-labelledby="sessions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sessions-title">
          {t('account.sessionsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.sessionsIntro')}
        </Text>
        {sessions.isPending && <PageLoader label={t('common:loading')} />}
        {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.data && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.colDevice')}</Table.Th>
                  <Table.Th>{t('account.colSignedIn')}</Table.Th>
                  <Table.Th>{t('account.colLastSeen')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <span dir="ltr">{describeDevice(session.userAgent) ?? t('account.unknownDevice')}</span>{' '}
                      {session.current && (
                        <Badge size="sm" color="green" variant="light">
                          {t('account.thisDevice')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{format(session.createdAt)}</Table.Td>
                    <Table.Td>{format(session.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          loading={revoke.isPending && revoke.variables === session.id}
                          onClick={() =>
                            revoke.mutate(session.id, {
                              onSuccess: () => notifications.show({ message: t('account.sessionRevoked') }),
                            })
                          }
                        >
                          {t('account.signOutSession')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
