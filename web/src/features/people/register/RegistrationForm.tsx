import { Button, Card, Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useRegisterPerson } from '../api';
import { LanguagesSelect } from '../fields/LanguagesSelect';
import { NationalitySelect } from '../fields/NationalitySelect';
import { NeedsSelect } from '../fields/NeedsSelect';
import { SiteSelect } from '../fields/SiteSelect';
import { type Household, RELATIONSHIPS, type Registration, type Relationship } from '../types';
import { BirthFields } from './BirthFields';
import { ConsentFields } from './ConsentFields';
import { IdentityFields } from './IdentityFields';
import { EMPTY_DRAFT, type RegistrationDraft, registrationBody } from './registration-draft';

const FORM_FIELDS = [
  'givenName',
  'familyName',
  'fathersName',
  'originalScriptName',
  'otherNames',
  'sex',
  'birthDate',
  'birthYear',
  'ageEstimated',
  'nationality',
  'languages',
  'phone',
  'siteId',
  'specificNeeds',
  'consent',
  'relationship',
];

interface Props {
  household: Household | null;
  /** The site of the previous registration: a desk registers many people at one site. */
  lastSiteId: string | null;
  onRegistered: (registration: Registration) => void;
}

/**
 * One page, one column on a phone, in interview order; Enter in any text field registers.
 * The server's message for a field shows under that field.
 */
export function RegistrationForm({ household, lastSiteId, onRegistered }: Props) {
  const { t } = useTranslation('people');
  const register = useRegisterPerson();
  const [draft, setDraft] = useState<RegistrationDraft>({
    ...EMPTY_DRAFT,
    siteId: household?.siteId ?? lastSiteId,
  });
  const set = (patch: Partial<RegistrationDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrors(register.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(registrationBody(draft, household?.id ?? null), { onSuccess: onRegistered });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title">
      <Stack gap="md">
        <FormAlert error={register.error} fields={FORM_FIELDS} namespace="people" />
        {household && (
          <Card withBorder padding="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Text fw={600}>{t('register.inHousehold', { code: household.code })}</Text>
              <NativeSelect
                label={t('fields.relationship')}
                value={draft.relationship}
                onChange={(e) => set({ relationship: e.currentTarget.value as Relationship | '' })}
                data={[
                  { value: '', label: '—' },
                  ...RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationships.${r}`) })),
                ]}
                error={errors.relationship}
              />
            </SimpleGrid>
          </Card>
        )}
        <Fieldset legend={t('register.identity')}>
          <Stack gap="sm">
            <IdentityFields draft={draft} set={set} errors={errors} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('register.birth')}>
          <Stack gap="sm">
            <BirthFields draft={draft} set={set} errors={errors} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('register.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NationalitySelect
              label={t('fields.nationality')}
              value={draft.nationality}
              onChange={(nationality) => set({ nationality })}
              error={errors.nationality}
            />
            <LanguagesSelect
              label={t('fields.languages')}
              value={draft.languages}
              onChange={(languages) => set({ languages })}
              error={errors.languages}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              dir="ltr"
              autoComplete="off"
              value={draft.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={errors.phone}
            />
            <SiteSelect
              label={t('fields.site')}
              value={draft.siteId}
              onChange={(siteId) => set({ siteId })}
              error={errors.siteId}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('register.needs')}>
          <NeedsSelect
            label={t('fields.specificNeeds')}
            description={t('register.needsHint')}
            value={draft.specificNeeds}
            onChange={(specificNeeds) => set({ specificNeeds })}
            error={errors.specificNeeds}
          />
        </Fieldset>
        <Fieldset legend={t('register.consent')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('register.consentHint')}
            </Text>
            <ConsentFields
              basis={draft.basis}
              purposes={draft.purposes}
              onBasis={(basis) => set({ basis })}
              onPurposes={(purposes) => set({ purposes })}
              errors={{
                basis:
                  errors['consent.basis'] ??
                  (errors.consent && !errors['consent.purposes'] ? errors.consent : undefined),
                purposes: errors['consent.purposes'],
              }}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" size="md" loading={register.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
