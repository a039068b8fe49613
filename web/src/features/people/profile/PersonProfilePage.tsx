import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { Icon } from '../../../app/icons';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { usePerson } from '../api';
import { displayName } from '../format';
import type { Person } from '../types';
import { EditPersonDialog } from './EditPersonDialog';
import { PERSON_TABS } from './tabs';

/** /people/:id — the person's profile, one tab per aspect (PERSON_TABS). */
export function PersonProfilePage() {
  const { t } = useTranslation('people');
  const { id = '' } = useParams();
  const person = usePerson(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/people" size="sm">
        {t('actions.back')}
      </Anchor>
      {person.isPending && <PageLoader label={t('common:loading')} />}
      {person.isError &&
        (erasedAt(person.error) ? (
          <ErasedNotice erasedAt={erasedAt(person.error)!} />
        ) : (
          <ErrorState error={person.error} onRetry={() => void person.refetch()} />
        ))}
      {person.isSuccess && <Profile person={person.data} onReload={() => void person.refetch()} />}
    </Stack>
  );
}

/** The erasure date the API gives (410 `erased`) to those who could see the person. */
function erasedAt(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'erased') return null;
  return error.details.find((d) => d.field === 'erasedAt')?.message ?? null;
}

/** Not "not found": the record existed and was erased on request or by retention (article 17). */
function ErasedNotice({ erasedAt }: { erasedAt: string }) {
  const { t } = useTranslation('people');
  const format = useFormatDateTime();
  return (
    <Alert
      color="gray"
      title={t('profile.erasedTitle')}
      icon={<Icon name="alert" />}
      data-testid="profile-erased"
    >
      <Text size="sm">{t('profile.erasedOn', { date: format(erasedAt, 'date') })}</Text>
      <Text size="sm" c="dimmed" mt="xs">
        {t('profile.erasedBody')}
      </Text>
    </Alert>
  );
}

function Profile({ person, onReload }: { person: Person; onReload: () => void }) {
  const { t } = useTranslation('people');
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const permissions = usePermissions();
  const tabs = PERSON_TABS.filter((tab) => tab.isVisible(person, permissions));
  const current = tabs.find((tab) => tab.id === search.get('tab'))?.id ?? 'overview';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {displayName(person)}
          </Title>
          {person.originalScriptName && (
            <Text dir="auto" size="xl" fw={600} data-testid="profile-original-script">
              {person.originalScriptName}
            </Text>
          )}
          <Group gap="xs" mt={4}>
            <Badge variant="outline" size="lg" ff="monospace" dir="ltr" data-testid="profile-code">
              {person.code}
            </Badge>
            {person.unaccompanied && (
              <Badge color="red" size="lg" data-testid="unaccompanied-badge">
                {t('unaccompanied')}
              </Badge>
            )}
          </Group>
        </div>
        {person.allowed.includes('edit') && (
          <Button onClick={() => setEditing(true)}>{t('profile.edit')}</Button>
        )}
      </Group>
      <Tabs
        value={current}
        onChange={(tab) => setSearch(tab && tab !== 'overview' ? { tab } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.id} value={tab.id}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.id} value={tab.id} pt="md">
            <Suspense fallback={<PageLoader label={t('common:loading')} />}>
              <tab.Panel person={person} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
      {editing && (
        <EditPersonDialog
          key={person.version}
          person={person}
          onClose={() => setEditing(false)}
          onReload={onReload}
        />
      )}
    </Stack>
  );
}
