import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { useChangeNeeds } from '../api';
import { NeedsSelect } from '../fields/NeedsSelect';
import type { Person } from '../types';

/** Specific needs with their codes; adding and removing only when the server allows `editNeeds`. */
export function NeedsTab({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const format = useFormatDateTime();
  const change = useChangeNeeds(person.id);
  const [adding, setAdding] = useState<string[]>([]);
  const canEdit = person.allowed.includes('editNeeds');
  const needs = person.specificNeeds;
  const saved = () => notifications.show({ color: 'green', message: t('profile.needsSaved') });

  if (!needs) {
    // Roles that see only categories (reception) get the categories, nothing more.
    return (
      <Group gap={4}>
        {person.needCategories?.length
          ? person.needCategories.map((c) => (
              <Badge
                key={c}
                variant="light"
              >{`${c} — ${t(`needCategories.${c}`, { defaultValue: c })}`}</Badge>
            ))
          : t('profile.noNeeds')}
      </Group>
    );
  }
  return (
    <Stack gap="md">
      <FormAlert error={change.error} fields={['add']} namespace="people" />
      {needs.length === 0 ? (
        <Text>{t('profile.noNeeds')}</Text>
      ) : (
        <Table data-testid="needs-table">
          <Table.Tbody>
            {needs.map((need) => (
              <Table.Tr key={need.code}>
                <Table.Td dir="ltr" ff="monospace" style={{ textAlign: 'start' }}>
                  {need.code}
                </Table.Td>
                <Table.Td>
                  {need.code === need.category
                    ? t(`needCategories.${need.category}`, { defaultValue: need.label })
                    : need.label}
                </Table.Td>
                <Table.Td c="dimmed">{t('profile.notedOn', { date: format(need.notedAt, 'date') })}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('profile.removeNeed', { code: need.code })}
                      onClick={() => change.mutate({ remove: [need.code] }, { onSuccess: saved })}
                    >
                      {t('profile.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Group align="flex-end" gap="sm">
          <div style={{ flex: 1, minWidth: 240 }}>
            <NeedsSelect
              label={t('profile.addNeeds')}
              value={adding}
              onChange={setAdding}
              exclude={needs.map((n) => n.code)}
              error={fieldErrors(change.error).add}
            />
          </div>
          <Button
            disabled={adding.length === 0}
            loading={change.isPending}
            onClick={() =>
              change.mutate(
                { add: adding },
                {
                  onSuccess: () => {
                    setAdding([]);
                    saved();
                  },
                },
              )
            }
          >
            {t('profile.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
