import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { NationalitySelect } from '../../people/fields/NationalitySelect';
import { useCreateTracing, usePerson } from '../api';
import { PersonFinder } from '../PersonFinder';
import {
  type CreateTracingInput,
  KINSHIPS,
  type Kinship,
  LEGAL_STATUSES,
  type LegalStatus,
  nameOf,
} from '../types';

type Fields = Record<string, string>;
const trimmed = (values: Fields) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

/** /reunification/tracing/new: who is looking (registered here, or a relative outside) and for whom. */
export function NewTracingPage() {
  const { t } = useTranslation('reunification');
  const navigate = useNavigate();
  const create = useCreateTracing();
  const errors = fieldErrors(create.error);
  const [kind, setKind] = useState<'registered' | 'outside'>('outside');
  const [enquirerId, setEnquirerId] = useState<string | null>(null);
  const enquirerPerson = usePerson(enquirerId);
  const [outside, setOutside] = useState<Fields>({
    givenName: '',
    fathersName: '',
    familyName: '',
    phone: '',
    email: '',
    city: '',
  });
  const [country, setCountry] = useState<string | null>(null);
  const [legalStatus, setLegalStatus] = useState<LegalStatus>('refugee');
  const [consent, setConsent] = useState(false);
  const [relationship, setRelationship] = useState<Kinship>('sibling');
  const [sought, setSought] = useState<Fields>({
    givenName: '',
    fathersName: '',
    familyName: '',
    originalScriptName: '',
    placeOfSeparation: '',
    separatedOn: '',
    notes: '',
  });
  const [sex, setSex] = useState('male');
  const [age, setAge] = useState<number | string>('');
  const [birthYear, setBirthYear] = useState<number | string>('');
  const [otherNames, setOtherNames] = useState('');
  const [nationality, setNationality] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = otherNames
      .split(/[,،]/)
      .map((n) => n.trim())
      .filter(Boolean);
    const enquirer =
      kind === 'registered'
        ? { kind, personId: enquirerId ?? '' }
        : {
            kind,
            ...trimmed(outside),
            country: country ?? '',
            legalStatus,
            ...(consent ? { consentToTracing: true as const } : {}),
          };
    const body = {
      enquirer,
      relationship,
      sought: {
        ...trimmed(sought),
        sex,
        ...(age !== '' ? { age: Number(age) } : {}),
        ...(birthYear !== '' ? { birthYear: Number(birthYear) } : {}),
        ...(names.length > 0 ? { otherNames: names } : {}),
        ...(nationality ? { nationality } : {}),
      },
    } as CreateTracingInput;
    create.mutate(body, { onSuccess: (created) => navigate(`/reunification/tracing/${created.id}`) });
  };
  const outsideInput = (name: string) => (
    <TextInput
      label={t(`tracing.form.${name}`)}
      value={outside[name] ?? ''}
      onChange={(e) => setOutside({ ...outside, [name]: e.currentTarget.value })}
      error={errors[`enquirer.${name}`]}
      dir="auto"
    />
  );
  const soughtInput = (name: string, type = 'text') => (
    <TextInput
      type={type}
      label={t(`tracing.form.${name}`)}
      value={sought[name] ?? ''}
      onChange={(e) => setSought({ ...sought, [name]: e.currentTarget.value })}
      error={errors[`sought.${name}`]}
      dir={type === 'text' ? 'auto' : undefined}
    />
  );

  return (
    <Stack gap="lg" maw={820}>
      <Anchor component={Link} to="/reunification/tracing" size="sm">
        {t('nav.tracing')}
      </Anchor>
      <Title order={1} size="h2">
        {t('tracing.form.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <FormAlert
            error={create.error}
            fields={['enquirer', 'sought', 'relationship']}
            namespace="reunification"
          />
          <Fieldset legend={t('tracing.form.enquirer')}>
            <Stack gap="sm">
              <Radio.Group
                label={t('tracing.form.enquirerKind')}
                value={kind}
                onChange={(v) => setKind(v as 'registered' | 'outside')}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="outside" label={t('tracing.form.outside')} />
                  <Radio value="registered" label={t('tracing.form.registered')} />
                </Group>
              </Radio.Group>
              {kind === 'registered' &&
                (enquirerPerson.data ? (
                  <Group gap="xs">
                    <Text fw={600}>{t('tracing.form.chosen')}</Text>
                    <Text dir="auto">{nameOf(enquirerPerson.data)}</Text>
                    <Button size="compact-xs" variant="subtle" onClick={() => setEnquirerId(null)}>
                      {t('tracing.form.change')}
                    </Button>
                  </Group>
                ) : (
                  <PersonFinder
                    label={t('tracing.form.findEnquirer')}
                    pick={t('tracing.form.pick')}
                    onPick={setEnquirerId}
                  />
                ))}
              {kind === 'registered' && errors['enquirer.personId'] && (
                <Text c="red" size="sm">
                  {errors['enquirer.personId']}
                </Text>
              )}
              {kind === 'outside' && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    {outsideInput('givenName')}
                    {outsideInput('fathersName')}
                    {outsideInput('familyName')}
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    {outsideInput('phone')}
                    {outsideInput('email')}
                    {outsideInput('city')}
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <NationalitySelect
                      label={t('tracing.form.country')}
                      value={country}
                      onChange={setCountry}
                      error={errors['enquirer.country']}
                    />
                    <NativeSelect
                      label={t('tracing.form.legalStatus')}
                      value={legalStatus}
                      onChange={(e) => setLegalStatus(e.currentTarget.value as LegalStatus)}
                      data={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatuses.${s}`) }))}
                    />
                  </SimpleGrid>
                  <Checkbox
                    label={t('tracing.form.consent')}
                    checked={consent}
                    onChange={(e) => setConsent(e.currentTarget.checked)}
                    error={errors['enquirer.consentToTracing']}
                  />
                </>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('tracing.form.sought')}>
            <Stack gap="sm">
              <NativeSelect
                label={t('tracing.form.relationship')}
                value={relationship}
                onChange={(e) => setRelationship(e.currentTarget.value as Kinship)}
                data={KINSHIPS.map((k) => ({ value: k, label: t(`kinships.${k}`) }))}
                error={errors.relationship}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {soughtInput('givenName')}
                {soughtInput('fathersName')}
                {soughtInput('familyName')}
                {soughtInput('originalScriptName')}
              </SimpleGrid>
              <TextInput
                label={t('tracing.form.otherNames')}
                value={otherNames}
                onChange={(e) => setOtherNames(e.currentTarget.value)}
                error={errors['sought.otherNames']}
                dir="auto"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('tracing.form.sex')}
                  value={sex}
                  onChange={(e) => setSex(e.currentTarget.value)}
                  data={(['female', 'male', 'other', 'unknown'] as const).map((s) => ({
                    value: s,
                    label: t(`sexes.${s}`),
                  }))}
                />
                <NationalitySelect
                  label={t('tracing.form.nationality')}
                  value={nationality}
                  onChange={setNationality}
                  error={errors['sought.nationality']}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('tracing.form.ageOrYear')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('tracing.form.age')}
                  value={age}
                  onChange={setAge}
                  min={0}
                  max={120}
                  error={errors['sought.age']}
                />
                <NumberInput
                  label={t('tracing.form.birthYear')}
                  value={birthYear}
                  onChange={setBirthYear}
                  min={1900}
                  max={new Date().getFullYear()}
                  error={errors['sought.birthYear']}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {soughtInput('placeOfSeparation')}
                {soughtInput('separatedOn', 'date')}
              </SimpleGrid>
              <Textarea
                label={t('tracing.form.notes')}
                value={sought.notes ?? ''}
                onChange={(e) => setSought({ ...sought, notes: e.currentTarget.value })}
                autosize
                minRows={2}
                dir="auto"
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('tracing.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
