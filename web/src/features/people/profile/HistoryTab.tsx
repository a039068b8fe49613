import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { usePersonHistory } from '../api';
import type { Person } from '../types';

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Who changed which fields when; before and after values only when the server sends them. */
export function HistoryTab({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const me = useSignedInMe();
  const format = useFormatDateTime();
  const history = usePersonHistory(person.id, true);
  if (history.isPending) return <PageLoader label={t('common:loading')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Text>{t('profile.noHistory')}</Text>;
  const label = (field: string) => t(`fields.${field}`, { defaultValue: field });
  return (
    <List spacing="sm" data-testid="person-history">
      {history.data.items.map((entry) => (
        <List.Item key={entry.id}>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {format(entry.changedAt)}{' '}
              {t('profile.changedBy', {
                user: entry.changedBy === me.user.id ? me.user.name : t('profile.someone'),
              })}
            </Text>
            <Text size="sm">
              {t('profile.changedFields', { fields: entry.fields.map(label).join(', ') })}
            </Text>
            {entry.change &&
              Object.entries(entry.change).map(([field, [before, after]]) => (
                <Text key={field} size="xs" c="dimmed">
                  {label(field)}: <span dir="auto">{show(before)}</span> {t('profile.arrow')}{' '}
                  <span dir="auto">{show(after)}</span>
                </Text>
              ))}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
