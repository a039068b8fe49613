import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../app/states';
import { useHousehold, useStartHousehold } from '../api';
import type { Registration } from '../types';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationResult } from './RegistrationResult';

/** /people/new, or /people/new?household=ID to register a member of that household. */
export function RegisterPage() {
  const { t } = useTranslation('people');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const householdId = params.get('household');
  const household = useHousehold(householdId);
  const startHousehold = useStartHousehold();
  const [result, setResult] = useState<Registration | null>(null);
  const [lastSiteId, setLastSiteId] = useState<string | null>(null);
  // A new key gives a fresh, empty form with the cursor back on Given name.
  const [formKey, setFormKey] = useState(0);

  const registerAnother = () => {
    setResult(null);
    setFormKey((k) => k + 1);
  };
  const toHousehold = (id: string) => {
    registerAnother();
    navigate(`/people/new?household=${encodeURIComponent(id)}`);
  };
  const person = result?.person;
  const registerFamilyMember =
    person?.allowed.includes('editHousehold') === true
      ? () => {
          if (person.householdId) return toHousehold(person.householdId);
          startHousehold.mutate(
            { personId: person.id, relationship: 'head', siteId: person.siteId },
            { onSuccess: (created) => toHousehold(created.id) },
          );
        }
      : null;

  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/people" size="sm">
        {t('actions.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2" id="register-title">
          {t('register.title')}
        </Title>
        <Text c="dimmed">{t('register.intro')}</Text>
      </div>
      {startHousehold.isError && <ErrorState error={startHousehold.error} />}
      {householdId && household.isPending && <PageLoader label={t('common:loading')} />}
      {householdId && household.isError && <ErrorState error={household.error} />}
      {result ? (
        <RegistrationResult
          registration={result}
          onRegisterAnother={registerAnother}
          onRegisterFamilyMember={registerFamilyMember}
          familyPending={startHousehold.isPending}
        />
      ) : (
        (!householdId || household.isSuccess) && (
          <RegistrationForm
            key={`${formKey}-${householdId ?? ''}`}
            household={household.data ?? null}
            lastSiteId={lastSiteId}
            onRegistered={(registration) => {
              setResult(registration);
              setLastSiteId(registration.person.siteId);
            }}
          />
        )
      )}
    </Stack>
  );
}
