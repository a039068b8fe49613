import { Button, Center, Grid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { ErrorState, PageLoader } from '../../../app/states';
import { useUsers } from '../api';
import { UserCreateForm } from './UserCreateForm';
import { UserEditDialog } from './UserEditDialog';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation('access');
  const users = useUsers();
  const [editing, setEditing] = useState<User | null>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  // The dialog shows the freshest copy after a save refreshed the list.
  const current = editing ? (items.find((user) => user.id === editing.id) ?? editing) : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Text c="dimmed">{t('users.intro')}</Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <UserCreateForm />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm" component="section" aria-labelledby="users-list-title">
            <Title order={2} size="h4" id="users-list-title">
              {t('users.listTitle')}
            </Title>
            {users.isPending && <PageLoader label={t('common:loading')} />}
            {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
            {users.isSuccess && items.length === 0 && <Text>{t('users.empty')}</Text>}
            {items.length > 0 && <UsersTable users={items} onEdit={setEditing} />}
            {users.hasNextPage && (
              <Center>
                <Button
                  variant="default"
                  onClick={() => void users.fetchNextPage()}
                  loading={users.isFetchingNextPage}
                >
                  {t('common:actions.loadMore')}
                </Button>
              </Center>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {current && <UserEditDialog key={current.id} user={current} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
