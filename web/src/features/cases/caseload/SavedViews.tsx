import { ActionIcon, Button, Chip, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter } from '../types';
import { readSavedViews, type SavedView, writeSavedViews } from './saved-views';

/** Named caseload filters ("my critical cases", "children alone, overdue"), one click away. */
export function SavedViews({
  current,
  onApply,
}: {
  current: CaseFilter;
  onApply: (filter: CaseFilter) => void;
}) {
  const { t } = useTranslation('cases');
  const [views, setViews] = useState<SavedView[]>(readSavedViews);
  const [name, setName] = useState('');
  const update = (next: SavedView[]) => {
    setViews(next);
    writeSavedViews(next);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    update([...views.filter((v) => v.name !== trimmed), { name: trimmed, filter: current }]);
    setName('');
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" aria-label={t('filters.savedViews')} role="group">
      {views.map((view) => (
        <Group key={view.name} gap={2} wrap="nowrap">
          <Chip checked={false} onChange={() => onApply(view.filter)} variant="outline">
            {view.name}
          </Chip>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('filters.deleteView', { name: view.name })}
            onClick={() => update(views.filter((v) => v.name !== view.name))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <form onSubmit={save}>
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('filters.viewName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            size="xs"
          />
          <Button type="submit" size="xs" variant="light" disabled={!name.trim()}>
            {t('filters.saveView')}
          </Button>
        </Group>
      </form>
    </Group>
  );
}
