import { Alert, Button, Card, Checkbox, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHouseholdOffline, registerOffline } from './queue';
import type { RegisterPersonInput } from './types';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const BASES = [
  'consent',
  'vital_interest',
  'public_interest',
  'legitimate_interest',
  'legal_obligation',
] as const;
const PURPOSES = ['services', 'referral', 'tracing', 'information_sharing'] as const;
const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'sibling',
  'parent',
  'other_relative',
  'non_relative',
] as const;

const empty = {
  givenName: '',
  familyName: '',
  sex: '',
  birthYear: '',
  phone: '',
  nationality: '',
  needs: '',
  basis: 'consent',
  purposes: ['services'] as string[],
  household: 'none' as 'none' | 'new' | 'current',
  relationship: 'head',
};

/**
 * Registers a person with no connection: the same fields and rules as online, checked by the
 * server when the change is synced (a refusal then names the field). A household can be started
 * here, and the next people registered join it.
 */
export function RegisterForm() {
  const { t } = useTranslation('offline');
  const [form, setForm] = useState(empty);
  const [household, setHousehold] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const set = (field: keyof typeof empty) => (value: unknown) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!form.givenName.trim()) next.givenName = t('errors.required');
    if (!form.sex) next.sex = t('errors.required');
    const year = form.birthYear ? Number(form.birthYear) : undefined;
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear()))
      next.birthYear = t('errors.year');
    if (form.phone && !/^\+?[0-9 ().-]{4,31}$/.test(form.phone.trim())) next.phone = t('errors.phone');
    if (form.nationality && !/^[A-Za-z]{3}$/.test(form.nationality.trim()))
      next.nationality = t('errors.country');
    if (form.purposes.length === 0) next.purposes = t('errors.purpose');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    let householdRef: string | undefined;
    if (form.household === 'new') householdRef = await createHouseholdOffline();
    if (form.household === 'current' && household) householdRef = household;
    const needs = form.needs
      .split(/[,\s]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    const input: RegisterPersonInput = {
      givenName: form.givenName.trim(),
      ...(form.familyName.trim() ? { familyName: form.familyName.trim() } : {}),
      sex: form.sex as RegisterPersonInput['sex'],
      ...(year ? { birthYear: year, ageEstimated: true } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      ...(form.nationality.trim() ? { nationality: form.nationality.trim().toUpperCase() } : {}),
      ...(needs.length ? { specificNeeds: needs } : {}),
      ...(householdRef ? { relationship: form.relationship as RegisterPersonInput['relationship'] } : {}),
      consent: {
        basis: form.basis as RegisterPersonInput['consent']['basis'],
        purposes: form.purposes as RegisterPersonInput['consent']['purposes'],
      },
    };
    const person = await registerOffline(input, householdRef);
    if (householdRef) setHousehold(householdRef);
    setSaved([person.givenName, person.familyName].filter(Boolean).join(' '));
    setForm({ ...empty, household: householdRef ? 'current' : 'none', relationship: 'child' });
  }

  return (
    <Card withBorder component="section" aria-labelledby="offline-register-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="offline-register-title">
            {t('register.title')}
          </Title>
          {saved && (
            <Alert color="green" role="status" data-testid="register-saved">
              {t('register.saved', { name: saved })}
            </Alert>
          )}
          <TextInput
            label={t('register.givenName')}
            value={form.givenName}
            onChange={(e) => set('givenName')(e.currentTarget.value)}
            error={errors.givenName}
          />
          <TextInput
            label={t('register.familyName')}
            value={form.familyName}
            onChange={(e) => set('familyName')(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('register.sex')}
            value={form.sex}
            onChange={(e) => set('sex')(e.currentTarget.value)}
            error={errors.sex}
            data={[
              { value: '', label: t('register.choose') },
              ...SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) })),
            ]}
          />
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t('register.birthYear')}
              value={form.birthYear}
              onChange={(e) => set('birthYear')(e.currentTarget.value)}
              error={errors.birthYear}
              inputMode="numeric"
            />
            <TextInput
              label={t('register.phone')}
              value={form.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
              inputMode="tel"
              dir="ltr"
            />
          </Group>
          <TextInput
            label={t('register.nationality')}
            description={t('register.nationalityHint')}
            value={form.nationality}
            onChange={(e) => set('nationality')(e.currentTarget.value)}
            error={errors.nationality}
            maxLength={3}
            dir="ltr"
          />
          <TextInput
            label={t('register.needs')}
            description={t('register.needsHint')}
            value={form.needs}
            onChange={(e) => set('needs')(e.currentTarget.value)}
            dir="ltr"
          />
          <NativeSelect
            label={t('register.basis')}
            value={form.basis}
            onChange={(e) => set('basis')(e.currentTarget.value)}
            data={BASES.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
          />
          <Checkbox.Group
            label={t('register.purposes')}
            value={form.purposes}
            onChange={set('purposes')}
            error={errors.purposes}
          >
            <Group gap="sm" mt={4}>
              {PURPOSES.map((p) => (
                <Checkbox key={p} value={p} label={t(`purposes.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NativeSelect
            label={t('register.household')}
            value={form.household}
            onChange={(e) => set('household')(e.currentTarget.value)}
            data={[
              { value: 'none', label: t('register.householdNone') },
              { value: 'new', label: t('register.householdNew') },
              ...(household ? [{ value: 'current', label: t('register.householdCurrent') }] : []),
            ]}
          />
          {form.household !== 'none' && (
            <NativeSelect
              label={t('register.relationship')}
              value={form.relationship}
              onChange={(e) => set('relationship')(e.currentTarget.value)}
              data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationships.${r}`) }))}
            />
          )}
          <Button type="submit">{t('register.submit')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
