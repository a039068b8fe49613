import { Button, Card, Group, SimpleGrid, TextInput, Title } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from './api';

const FIELDS = ['actorId', 'entity', 'entityId', 'action', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

/** datetime-local value (device time) ⇄ ISO 8601 with offset (what the API wants). */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

function draftOf(filter: AuditFilter): Draft {
  return {
    actorId: filter.actorId ?? '',
    entity: filter.entity ?? '',
    entityId: filter.entityId ?? '',
    action: filter.action ?? '',
    from: toLocal(filter.from),
    to: toLocal(filter.to),
  };
}

interface Props {
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  errors: Record<string, string>;
}

export function AuditFilters({ value, onChange, errors }: Props) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  useEffect(() => setDraft(draftOf(value)), [value]);

  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [field]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = (text: string) => text.trim() || undefined;
    onChange({
      actorId: trimmed(draft.actorId),
      entity: trimmed(draft.entity),
      entityId: trimmed(draft.entityId),
      action: trimmed(draft.action),
      from: toIso(draft.from),
      to: toIso(draft.to),
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="audit-filters-title">
      <form onSubmit={submit} noValidate>
        <Title order={2} size="h5" id="audit-filters-title" mb="xs">
          {t('filters.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('filters.actorId')}
            dir="ltr"
            value={draft.actorId}
            onChange={set('actorId')}
            error={errors.actorId}
          />
          <TextInput
            label={t('filters.entity')}
            placeholder={t('filters.entityPlaceholder')}
            dir="ltr"
            value={draft.entity}
            onChange={set('entity')}
            error={errors.entity}
          />
          <TextInput
            label={t('filters.entityId')}
            dir="ltr"
            value={draft.entityId}
            onChange={set('entityId')}
            error={errors.entityId}
          />
          <TextInput
            label={t('filters.action')}
            placeholder={t('filters.actionPlaceholder')}
            dir="ltr"
            value={draft.action}
            onChange={set('action')}
            error={errors.action}
          />
          <TextInput
            type="datetime-local"
            label={t('filters.from')}
            value={draft.from}
            onChange={set('from')}
            error={errors.from}
          />
          <TextInput
            type="datetime-local"
            label={t('filters.to')}
            value={draft.to}
            onChange={set('to')}
            error={errors.to}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t('filters.apply')}</Button>
          <Button variant="default" onClick={() => onChange({})}>
            {t('filters.clear')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
