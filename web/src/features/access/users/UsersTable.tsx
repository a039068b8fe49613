import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { useFormatDateTime } from '../../../i18n/format';

export function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersTable({ users, onEdit }: { users: User[]; onEdit: (user: User) => void }) {
  const { t } = useTranslation('access');
  const format = useFormatDateTime();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.colName')}</Table.Th>
            <Table.Th>{t('users.colEmail')}</Table.Th>
            <Table.Th>{t('users.colRoles')}</Table.Th>
            <Table.Th>{t('users.colStatus')}</Table.Th>
            <Table.Th>{t('users.colSecondFactor')}</Table.Th>
            <Table.Th>{t('users.colCreated')}</Table.Th>
            <Table.Th>{t('users.colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.name}</Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                {user.email}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light" size="sm">
                      {t(`common:roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <UserStatus user={user} />
              </Table.Td>
              <Table.Td>{user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</Table.Td>
              <Table.Td>{format(user.createdAt, 'date')}</Table.Td>
              <Table.Td>
                {user.allowed.length > 0 && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onEdit(user)}
                    aria-label={`${t('common:actions.edit')}: ${user.email}`}
                  >
                    {t('common:actions.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation('access');
  const format = useFormatDateTime();
  if (user.disabled) return <Badge color="gray">{t('users.disabled')}</Badge>;
  if (isLocked(user)) {
    return (
      <Text size="sm" c="orange.8">
        {t('users.lockedUntil', { time: format(user.lockedUntil) })}
      </Text>
    );
  }
  return <Badge color="green">{t('users.active')}</Badge>;
}
