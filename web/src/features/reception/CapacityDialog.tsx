import { Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useSaveCapacity } from './api';
import { useCategoryLabel } from './format';
import { type Centre, STANDARD_CATEGORIES } from './types';

interface Row {
  places: number | string;
  blocked: number | string;
}

const asNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));

/** Places and blocked places per category, and the services the planner relies on. */
export function CapacityDialog({ centre, onClose }: { centre: Centre; onClose: () => void }) {
  const { t } = useTranslation('reception');
  const label = useCategoryLabel();
  const save = useSaveCapacity(centre.siteId);
  const errors = fieldErrors(save.error);
  const [rows, setRows] = useState<Record<string, Row>>(() => {
    const initial: Record<string, Row> = {};
    for (const c of STANDARD_CATEGORIES) initial[c] = { places: 0, blocked: 0 };
    for (const c of centre.categories) initial[c.category] = { places: c.capacity, blocked: c.blocked };
    return initial;
  });
  const [extra, setExtra] = useState('');
  const [services, setServices] = useState({
    ...centre.services,
    languages: centre.services.languages.join(', '),
  });

  const setRow = (category: string, patch: Partial<Row>) =>
    setRows((current) => ({ ...current, [category]: { ...current[category]!, ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const places: Record<string, number> = {};
    const blocked: Record<string, number> = {};
    for (const [category, row] of Object.entries(rows)) {
      const p = asNumber(row.places);
      const b = asNumber(row.blocked);
      const existed = centre.categories.some((c) => c.category === category);
      if (p === 0 && b === 0 && !existed) continue;
      places[category] = p;
      if (b > 0) blocked[category] = b;
    }
    const languages = services.languages
      .split(/[,\s]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    save.mutate(
      {
        places,
        blocked,
        services: {
          medicalCare: services.medicalCare,
          childProtection: services.childProtection,
          accessible: services.accessible,
          languages,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('capacity.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('capacity.title', { name: centre.name })} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('capacity.title', { name: centre.name })}>
        <Stack gap="sm">
          <FormAlert error={save.error} fields={['places', 'blocked', 'services']} namespace="reception" />
          {Object.entries(rows).map(([category, row]) => (
            <SimpleGrid key={category} cols={{ base: 1, xs: 2 }} spacing="sm">
              <NumberInput
                label={t('capacity.places', { category: label(category) })}
                value={row.places}
                min={0}
                allowDecimal={false}
                onChange={(value) => setRow(category, { places: value })}
                error={errors[`places.${category}`]}
              />
              <NumberInput
                label={t('capacity.blocked', { category: label(category) })}
                value={row.blocked}
                min={0}
                allowDecimal={false}
                onChange={(value) => setRow(category, { blocked: value })}
                error={errors[`blocked.${category}`]}
              />
            </SimpleGrid>
          ))}
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('capacity.other')}
              value={extra}
              onChange={(e) => setExtra(e.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={!/^[a-z][a-z0-9_]{1,39}$/.test(extra) || extra in rows}
              onClick={() => {
                setRow(extra, { places: 0, blocked: 0 });
                setExtra('');
              }}
            >
              {t('capacity.addCategory')}
            </Button>
          </Group>
          <Checkbox
            label={t('capacity.medicalCare')}
            checked={services.medicalCare}
            onChange={(e) => setServices({ ...services, medicalCare: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('capacity.childProtection')}
            checked={services.childProtection}
            onChange={(e) => setServices({ ...services, childProtection: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('capacity.accessible')}
            checked={services.accessible}
            onChange={(e) => setServices({ ...services, accessible: e.currentTarget.checked })}
          />
          <TextInput
            label={t('capacity.languages')}
            value={services.languages}
            onChange={(e) => setServices({ ...services, languages: e.currentTarget.value })}
            error={errors['services.languages'] ?? errors.services}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('capacity.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('capacity.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
