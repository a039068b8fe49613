import { Alert, Button, Card, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVault } from './hooks';
import { queueChange } from './queue';
import type { OpenConflict } from './types';
import { all, remove } from './vault';

const loadConflicts = () => all<OpenConflict>('conflicts');
const noConflicts: OpenConflict[] = [];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Field-level conflicts the server found (someone else changed the same field): for each field
 * the user keeps the server's value or sends theirs again, based on the server's value, so the
 * choice is itself merged and never overwrites a newer change blindly.
 */
export function ConflictsPanel() {
  const { t } = useTranslation('offline');
  const conflicts = useVault(loadConflicts, noConflicts);
  return (
    <Card withBorder component="section" aria-labelledby="offline-conflicts-title" data-testid="conflicts">
      <Stack gap="sm">
        <Title order={2} size="h4" id="offline-conflicts-title">
          {t('conflicts.title')}
        </Title>
        {conflicts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('conflicts.none')}
          </Text>
        ) : (
          <Text size="sm">{t('conflicts.intro')}</Text>
        )}
        {conflicts.map((conflict) => (
          <ConflictCard key={conflict.changeId} conflict={conflict} />
        ))}
      </Stack>
    </Card>
  );
}

function ConflictCard({ conflict }: { conflict: OpenConflict }) {
  const { t } = useTranslation('offline');
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  const complete = conflict.conflicts.every((c) => choice[c.field]);

  async function resolve() {
    const mine = conflict.conflicts.filter((c) => choice[c.field] === 'mine');
    if (mine.length > 0) {
      await queueChange(
        'person.update',
        Object.fromEntries(mine.map((c) => [c.field, c.mine])),
        conflict.label,
        {
          target: conflict.personId,
          ...(conflict.version ? { baseVersion: conflict.version } : {}),
          base: Object.fromEntries(mine.map((c) => [c.field, c.theirs])),
        },
      );
    }
    await remove('conflicts', conflict.changeId);
  }

  return (
    <Card withBorder padding="sm" data-testid="conflict">
      <Stack gap="xs">
        <Text fw={600}>{conflict.label}</Text>
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflicts.field')}</Table.Th>
                <Table.Th>{t('conflicts.base')}</Table.Th>
                <Table.Th>{t('conflicts.mine')}</Table.Th>
                <Table.Th>{t('conflicts.theirs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflict.conflicts.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>{t(`fields.${c.field}`, { defaultValue: c.field })}</Table.Td>
                  <Table.Td dir="auto">{show(c.base)}</Table.Td>
                  <Table.Td dir="auto">{show(c.mine)}</Table.Td>
                  <Table.Td dir="auto">{show(c.theirs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {conflict.conflicts.map((c) => (
          <Radio.Group
            key={c.field}
            label={t('conflicts.keep', { field: t(`fields.${c.field}`, { defaultValue: c.field }) })}
            value={choice[c.field] ?? ''}
            onChange={(value) =>
              setChoice((current) => ({ ...current, [c.field]: value as 'mine' | 'theirs' }))
            }
          >
            <Stack gap={4} mt={4}>
              <Radio value="mine" label={t('conflicts.keepMine', { value: show(c.mine) })} />
              <Radio value="theirs" label={t('conflicts.keepTheirs', { value: show(c.theirs) })} />
            </Stack>
          </Radio.Group>
        ))}
        {!complete && <Alert color="blue">{t('conflicts.chooseEach')}</Alert>}
        <Button onClick={() => void resolve()} disabled={!complete}>
          {t('conflicts.apply')}
        </Button>
      </Stack>
    </Card>
  );
}
