import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useAddAssessment } from './api';
import {
  COUNT_FIELDS,
  KEY_INFORMANT_KINDS,
  PROTECTION_RISKS,
  SERVICES,
  SEVERITY_FIELDS,
} from './assessment-options';
import { numberOrRaw } from './form-values';
import { todayDay } from './format';
import type { CreateAssessmentInput } from './types';

type Informant = { kind: (typeof KEY_INFORMANT_KINDS)[number]; count: string };

const blank = () => ({
  date: todayDay(),
  severity: { shelter: '3', waterSanitation: '3', healthAccess: '3', protection: '3' } as Record<
    (typeof SEVERITY_FIELDS)[number],
    string
  >,
  counts: { latrines: '', waterPoints: '', showers: '' } as Record<(typeof COUNT_FIELDS)[number], string>,
  protectionRisks: [] as string[],
  servicesPresent: [] as string[],
  keyInformants: [{ kind: 'community_leader', count: '1' }] as Informant[],
});

const FIELDS = [
  'date',
  ...SEVERITY_FIELDS,
  ...COUNT_FIELDS,
  'protectionRisks',
  'servicesPresent',
  'keyInformants',
];

export function AssessmentForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation('sites');
  const add = useAddAssessment(siteId);
  const [form, setForm] = useState(blank);
  const errors = fieldErrors(add.error);

  const setInformant = (index: number, change: Partial<Informant>) =>
    setForm({
      ...form,
      keyInformants: form.keyInformants.map((k, i) => (i === index ? { ...k, ...change } : k)),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      date: form.date,
      ...Object.fromEntries(SEVERITY_FIELDS.map((f) => [f, Number(form.severity[f])])),
      ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, numberOrRaw(form.counts[f])])),
      protectionRisks: form.protectionRisks,
      servicesPresent: form.servicesPresent,
      keyInformants: form.keyInformants.map((k) => ({ kind: k.kind, count: numberOrRaw(k.count) })),
    } as CreateAssessmentInput;
    add.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('assessmentForm.added') });
        setForm(blank());
        add.reset();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assessment-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="assessment-form-title">
          {t('assessmentForm.title')}
        </Title>
        <FormAlert error={add.error} fields={FIELDS} namespace="sites" />
        <TextInput
          type="date"
          label={t('assessmentForm.date')}
          value={form.date}
          max={todayDay()}
          onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
          error={errors.date}
          style={{ maxWidth: 220 }}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {SEVERITY_FIELDS.map((field) => (
            <NativeSelect
              key={field}
              label={t(`assessment.indicators.${field}`)}
              value={form.severity[field]}
              onChange={(e) =>
                setForm({ ...form, severity: { ...form.severity, [field]: e.currentTarget.value } })
              }
              data={['1', '2', '3', '4', '5'].map((v) => ({
                value: v,
                label: t(`assessment.severity.${v}` as 'assessment.severity.1'),
              }))}
              error={errors[field]}
            />
          ))}
          {COUNT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`assessment.indicators.${field}`)}
              inputMode="numeric"
              value={form.counts[field]}
              onChange={(e) =>
                setForm({ ...form, counts: { ...form.counts, [field]: e.currentTarget.value } })
              }
              error={errors[field]}
            />
          ))}
        </SimpleGrid>
        <Checkbox.Group
          label={t('assessment.protectionRisks')}
          value={form.protectionRisks}
          onChange={(protectionRisks) => setForm({ ...form, protectionRisks })}
          error={errors.protectionRisks}
        >
          <Group gap="sm" mt={4}>
            {PROTECTION_RISKS.map((risk) => (
              <Checkbox key={risk} value={risk} label={t(`assessment.risks.${risk}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('assessment.servicesPresent')}
          value={form.servicesPresent}
          onChange={(servicesPresent) => setForm({ ...form, servicesPresent })}
          error={errors.servicesPresent}
        >
          <Group gap="sm" mt={4}>
            {SERVICES.map((service) => (
              <Checkbox key={service} value={service} label={t(`assessment.services.${service}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend>{t('assessment.keyInformants')}</legend>
          <Stack gap="xs">
            {form.keyInformants.map((informant, index) => (
              // Rows have no identity of their own; their position is what the form edits.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} gap="sm" align="flex-end">
                <NativeSelect
                  label={t('assessmentForm.informantKind')}
                  value={informant.kind}
                  onChange={(e) => setInformant(index, { kind: e.currentTarget.value as Informant['kind'] })}
                  data={KEY_INFORMANT_KINDS.map((k) => ({
                    value: k,
                    label: t(`assessment.informants.${k}`),
                  }))}
                  error={errors[`keyInformants.${index}.kind`]}
                />
                <TextInput
                  label={t('assessmentForm.informantCount')}
                  inputMode="numeric"
                  value={informant.count}
                  onChange={(e) => setInformant(index, { count: e.currentTarget.value })}
                  error={errors[`keyInformants.${index}.count`]}
                  w={140}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('assessmentForm.removeInformant')}
                  onClick={() =>
                    setForm({ ...form, keyInformants: form.keyInformants.filter((_, i) => i !== index) })
                  }
                  mb={6}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errors.keyInformants && !errors['keyInformants.0.kind'] && (
              <Input.Error>{errors.keyInformants}</Input.Error>
            )}
            <Button
              variant="default"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                setForm({
                  ...form,
                  keyInformants: [...form.keyInformants, { kind: 'volunteer', count: '1' }],
                })
              }
            >
              {t('assessmentForm.addInformant')}
            </Button>
          </Stack>
        </fieldset>
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('assessmentForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
