import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useCreateToken, useOwnTokens, useRevokeToken } from '../api';
import { NewTokenNotice } from './NewTokenNotice';

/** End of the chosen day, in the device's time zone, as the ISO date-time the API expects. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

export function TokensCard() {
  const { t } = useTranslation('access');
  const format = useFormatDateTime();
  const tokens = useOwnTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const fields = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), expiresAt: endOfDay(expires) },
      {
        onSuccess: (token) => {
          setCreated(token.token);
          setName('');
          setExpires('');
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="tokens-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="tokens-title">
          {t('account.tokensTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.tokensIntro')}
        </Text>
        {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormAlert error={create.error} fields={['name', 'expiresAt']} namespace="access" />
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('account.tokenName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fields.name}
                style={{ flex: '2 1 200px' }}
              />
              <TextInput
                type="date"
                label={t('account.tokenExpires')}
                value={expires}
                onChange={(e) => setExpires(e.currentTarget.value)}
                error={fields.expiresAt}
                style={{ flex: '1 1 160px' }}
              />
              <Button type="submit" loading={create.isPending}>
                {t('account.createToken')}
              </Button>
            </Group>
          </Stack>
        </form>
        {tokens.isPending && <PageLoader label={t('common:loading')} />}
        {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && <Text size="sm">{t('account.noTokens')}</Text>}
        {tokens.data && tokens.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.colTokenName')}</Table.Th>
                  <Table.Th>{t('account.colCreated')}</Table.Th>
                  <Table.Th>{t('account.colLastUsed')}</Table.Th>
                  <Table.Th>{t('account.colExpires')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>{format(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? format(token.lastUsedAt) : t('account.never')}</Table.Td>
                    <Table.Td>
                      {token.expiresAt ? format(token.expiresAt, 'date') : t('account.noExpiry')}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables === token.id}
                        onClick={() =>
                          revoke.mutate(token.id, {
                            onSuccess: () => notifications.show({ message: t('account.tokenRevoked') }),
                          })
                        }
                      >
                        {t('account.revoke')}
                      </Button>
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
