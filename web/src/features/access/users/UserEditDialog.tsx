import { Button, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import type { Role, UpdateUserInput, User, UserAction } from '../../../api/types';
import { FormAlert } from '../../../app/FormAlert';
import { useRevokeUserSessions, useUpdateUser } from '../api';
import { RoleCheckboxes } from './RoleCheckboxes';
import { isLocked } from './UsersTable';

/** Shows only what the server's `allowed` list permits for this account. */
export function UserEditDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('access');
  const update = useUpdateUser(user.id);
  const revoke = useRevokeUserSessions(user.id);
  const can = (action: UserAction) => user.allowed.includes(action);
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [disabled, setDisabled] = useState(user.disabled);
  const fields = fieldErrors(update.error);
  const done = (message: string) => notifications.show({ color: 'green', message });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const changes: UpdateUserInput = {};
    if (can('rename') && name.trim() !== user.name) changes.name = name.trim();
    if (can('changeRoles') && roles.join() !== user.roles.join()) changes.roles = roles;
    if (can('disable') && disabled !== user.disabled) changes.disabled = disabled;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(changes, {
      onSuccess: () => {
        done(t('users.saved'));
        onClose();
      },
    });
  };
  const act = (changes: UpdateUserInput, message: string) =>
    update.mutate(changes, { onSuccess: () => done(message) });
  const error = update.error ?? revoke.error;
  const onlyRename = can('rename') && !can('changeRoles');

  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { name: user.name })} size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <FormAlert error={error} fields={['name', 'roles']} namespace="access" />
          {onlyRename && <Text size="sm">{t('users.ownAccount')}</Text>}
          {can('rename') && (
            <TextInput
              label={t('users.editName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fields.name}
            />
          )}
          {can('changeRoles') && (
            <RoleCheckboxes label={t('users.roles')} value={roles} onChange={setRoles} error={fields.roles} />
          )}
          {can('disable') && (
            <Switch
              label={t('users.disable')}
              checked={disabled}
              onChange={(e) => setDisabled(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
          {(can('resetTotp') || can('unlock') || can('revokeSessions')) && <Divider />}
          {can('resetTotp') && user.totpEnabled && (
            <ActionRow hint={t('users.resetTotpHint')}>
              <Button
                color="orange"
                variant="light"
                onClick={() => act({ resetTotp: true }, t('users.totpReset'))}
              >
                {t('users.resetTotp')}
              </Button>
            </ActionRow>
          )}
          {can('unlock') && isLocked(user) && (
            <ActionRow hint={t('users.unlockHint')}>
              <Button variant="light" onClick={() => act({ unlock: true }, t('users.unlocked'))}>
                {t('users.unlock')}
              </Button>
            </ActionRow>
          )}
          {can('revokeSessions') && (
            <ActionRow>
              <Button
                color="red"
                variant="light"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(undefined, { onSuccess: () => done(t('users.sessionsRevoked')) })
                }
              >
                {t('users.revokeSessions')}
              </Button>
            </ActionRow>
          )}
          {user.allowed.length === 0 && <Text size="sm">{t('users.noActions')}</Text>}
        </Stack>
      </form>
    </Modal>
  );
}

function ActionRow({ hint, children }: { hint?: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      {children}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
