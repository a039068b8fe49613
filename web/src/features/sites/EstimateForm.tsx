import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useSignedInMe } from '../../app/session';
import { useAddEstimate } from './api';
import { numberOrRaw, textOrUndefined } from './form-values';
import { todayDay, useFormatDay } from './format';
import { type CreateEstimateInput, type Estimate, SOURCE_KINDS, type SourceKind } from './types';

const blank = () => ({
  date: todayDay(),
  sourceName: '',
  sourceKind: 'ngo' as SourceKind,
  low: '',
  high: '',
  point: '',
  method: '',
  children: '',
  women: '',
  unaccompaniedMinors: '',
  supersedesId: '',
});

const FIELDS = [
  'date',
  'sourceName',
  'sourceKind',
  'low',
  'high',
  'point',
  'method',
  'breakdown',
  'supersedesId',
];

interface Props {
  siteId: string;
  estimates: Estimate[];
  onAdded: (date: string) => void;
}

export function EstimateForm({ siteId, estimates, onAdded }: Props) {
  const { t } = useTranslation('sites');
  const me = useSignedInMe();
  const day = useFormatDay();
  const add = useAddEstimate(siteId);
  const [form, setForm] = useState(blank);
  const errors = fieldErrors(add.error);
  const set = (key: keyof ReturnType<typeof blank>) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  // Only the organisation that recorded an entry may correct it (the server checks the same).
  const correctable = estimates.filter((e) => e.isCurrent && e.orgId === me.organisation.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const breakdown = {
      children: numberOrRaw(form.children),
      women: numberOrRaw(form.women),
      unaccompaniedMinors: numberOrRaw(form.unaccompaniedMinors),
    };
    const hasBreakdown = Object.values(breakdown).some((v) => v !== undefined);
    const body = {
      date: form.date,
      sourceName: form.sourceName,
      sourceKind: form.sourceKind,
      low: numberOrRaw(form.low),
      high: numberOrRaw(form.high),
      point: numberOrRaw(form.point),
      method: textOrUndefined(form.method),
      breakdown: hasBreakdown ? breakdown : undefined,
      supersedesId: textOrUndefined(form.supersedesId),
    } as CreateEstimateInput;
    add.mutate(body, {
      onSuccess: (estimate) => {
        notifications.show({ color: 'green', message: t('estimateForm.added') });
        setForm({ ...blank(), date: form.date });
        add.reset();
        onAdded(estimate.date);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="estimate-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="estimate-form-title">
          {t('estimateForm.title')}
        </Title>
        <FormAlert error={add.error} fields={FIELDS} namespace="sites" />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('estimateForm.date')}
            value={form.date}
            max={todayDay()}
            onChange={set('date')}
            error={errors.date}
          />
          <TextInput
            label={t('estimateForm.sourceName')}
            value={form.sourceName}
            onChange={set('sourceName')}
            error={errors.sourceName}
          />
          <NativeSelect
            label={t('estimateForm.sourceKind')}
            value={form.sourceKind}
            onChange={set('sourceKind')}
            data={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKinds.${k}`) }))}
            error={errors.sourceKind}
          />
          <TextInput
            label={t('estimateForm.low')}
            inputMode="numeric"
            value={form.low}
            onChange={set('low')}
            error={errors.low}
          />
          <TextInput
            label={t('estimateForm.high')}
            inputMode="numeric"
            value={form.high}
            onChange={set('high')}
            error={errors.high}
          />
          <TextInput
            label={t('estimateForm.point')}
            inputMode="numeric"
            value={form.point}
            onChange={set('point')}
            error={errors.point}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('estimateForm.figuresHint')}
        </Text>
        <TextInput
          label={t('estimateForm.method')}
          description={t('estimateForm.methodHint')}
          value={form.method}
          onChange={set('method')}
          error={errors.method}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label={t('estimateForm.children')}
            inputMode="numeric"
            value={form.children}
            onChange={set('children')}
            error={errors['breakdown.children']}
          />
          <TextInput
            label={t('estimateForm.women')}
            inputMode="numeric"
            value={form.women}
            onChange={set('women')}
            error={errors['breakdown.women']}
          />
          <TextInput
            label={t('estimateForm.unaccompaniedMinors')}
            inputMode="numeric"
            value={form.unaccompaniedMinors}
            onChange={set('unaccompaniedMinors')}
            error={errors['breakdown.unaccompaniedMinors']}
          />
        </SimpleGrid>
        {correctable.length > 0 && (
          <NativeSelect
            label={t('estimateForm.supersedes')}
            value={form.supersedesId}
            onChange={set('supersedesId')}
            data={[
              { value: '', label: t('estimateForm.supersedesNone') },
              ...correctable.map((e) => ({
                value: e.id,
                label: `${day(e.date)} — ${e.sourceName}: ${e.point ?? `${e.low ?? ''}–${e.high ?? ''}`}`,
              })),
            ]}
            error={errors.supersedesId}
          />
        )}
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('estimateForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
