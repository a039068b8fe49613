import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { NationalitySelect } from '../../people/fields/NationalitySelect';
import { useCreateCase, useFamilyLinks, usePerson } from '../api';
import { PersonFinder } from '../PersonFinder';
import {
  type CreateCaseInput,
  KINSHIPS,
  type Kinship,
  LEGAL_BASES,
  LEGAL_STATUSES,
  type LegalBasis,
  type LegalStatus,
  nameOf,
} from '../types';

/** /reunification/cases/new[?personId=&familyLinkId=&tracingRequestId=]: open a case, often from a confirmed match. */
export function NewCasePage() {
  const { t } = useTranslation('reunification');
  const [params, setParams] = useSearchParams();
  const personId = params.get('personId');
  const person = usePerson(personId);
  return (
    <Stack gap="lg" maw={820}>
      <Anchor component={Link} to="/reunification" size="sm">
        {t('nav.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('newCase.title')}
      </Title>
      {!personId && (
        <PersonFinder
          label={t('newCase.find')}
          pick={t('tracing.form.pick')}
          onPick={(id) => setParams({ personId: id })}
        />
      )}
      {person.data && (
        <NewCaseForm
          personId={person.data.id}
          personName={nameOf(person.data)}
          code={person.data.code}
          preselected={params.get('familyLinkId')}
          tracingRequestId={params.get('tracingRequestId')}
        />
      )}
    </Stack>
  );
}

interface FormProps {
  personId: string;
  personName: string;
  code: string;
  preselected: string | null;
  tracingRequestId: string | null;
}

function NewCaseForm({ personId, personName, code, preselected, tracingRequestId }: FormProps) {
  const { t } = useTranslation('reunification');
  const navigate = useNavigate();
  const create = useCreateCase();
  const links = useFamilyLinks(personId);
  const errors = fieldErrors(create.error);
  const [chosen, setChosen] = useState<string[]>(preselected ? [preselected] : []);
  const [basis, setBasis] = useState<LegalBasis>('dublin_art8');
  const [lodgedOn, setLodgedOn] = useState('');
  const [eurodacHitOn, setEurodacHitOn] = useState('');
  const [adding, setAdding] = useState(false);
  const [relative, setRelative] = useState({ givenName: '', fathersName: '', familyName: '', city: '' });
  const [kinship, setKinship] = useState<Kinship>('sibling');
  const [country, setCountry] = useState<string | null>(null);
  const [legalStatus, setLegalStatus] = useState<LegalStatus>('refugee');
  useEffect(() => {
    // A relative in the UK suggests the national route (the UK left Dublin on 1 January 2021).
    const picked = links.data?.items.filter((l) => chosen.includes(l.id)) ?? [];
    if (picked.some((l) => l.country === 'GBR')) setBasis('national_family_reunion');
  }, [links.data, chosen]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra = Object.fromEntries(Object.entries(relative).filter(([, v]) => v.trim() !== ''));
    const body: CreateCaseInput = {
      personId,
      legalBasis: basis,
      applicationLodgedOn: lodgedOn,
      ...(eurodacHitOn ? { eurodacHitOn } : {}),
      ...(tracingRequestId ? { tracingRequestId } : {}),
      relatives: [
        ...chosen.map((familyLinkId) => ({ familyLinkId })),
        ...(adding ? [{ kinship, country: country ?? '', legalStatus, ...extra }] : []),
      ],
    };
    create.mutate(body, { onSuccess: (created) => navigate(`/reunification/cases/${created.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Group gap="xs" data-testid="new-case-person">
          <Text fw={600}>{t('newCase.person')}:</Text>
          <Text dir="auto">{personName}</Text>
          <Badge variant="outline" ff="monospace" dir="ltr">
            {code}
          </Badge>
        </Group>
        <FormAlert
          error={create.error}
          fields={['legalBasis', 'applicationLodgedOn', 'eurodacHitOn']}
          namespace="reunification"
        />
        <Fieldset legend={t('newCase.relatives')}>
          <Stack gap="xs">
            {links.data?.items.length === 0 && <Text size="sm">{t('newCase.noLinks')}</Text>}
            {links.data?.items.map((l) => (
              <Checkbox
                key={l.id}
                checked={chosen.includes(l.id)}
                onChange={(e) =>
                  setChosen(e.currentTarget.checked ? [...chosen, l.id] : chosen.filter((c) => c !== l.id))
                }
                label={`${nameOf(l)} — ${t(`kinships.${l.kinship}`)}${l.city || l.country ? ` (${[l.city, l.country].filter(Boolean).join(', ')})` : ''}`}
              />
            ))}
            <Checkbox
              label={t('newCase.addRelative')}
              checked={adding}
              onChange={(e) => setAdding(e.currentTarget.checked)}
            />
            {adding && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t('newCase.kinship')}
                  value={kinship}
                  onChange={(e) => setKinship(e.currentTarget.value as Kinship)}
                  data={KINSHIPS.map((k) => ({ value: k, label: t(`kinships.${k}`) }))}
                />
                {(['givenName', 'fathersName', 'familyName', 'city'] as const).map((name) => (
                  <TextInput
                    key={name}
                    label={t(`tracing.form.${name}`)}
                    value={relative[name]}
                    onChange={(e) => setRelative({ ...relative, [name]: e.currentTarget.value })}
                    error={errors[`relatives.${chosen.length}.${name}`]}
                    dir="auto"
                  />
                ))}
                <NationalitySelect
                  label={t('newCase.country')}
                  value={country}
                  onChange={setCountry}
                  error={errors[`relatives.${chosen.length}.country`]}
                />
                <NativeSelect
                  label={t('tracing.form.legalStatus')}
                  value={legalStatus}
                  onChange={(e) => setLegalStatus(e.currentTarget.value as LegalStatus)}
                  data={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatuses.${s}`) }))}
                />
              </SimpleGrid>
            )}
            {errors.relatives && (
              <Text c="red" size="sm">
                {errors.relatives}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <NativeSelect
          label={t('newCase.legalBasis')}
          description={t('newCase.basisHint')}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value as LegalBasis)}
          data={LEGAL_BASES.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
          error={errors.legalBasis}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('newCase.lodgedOn')}
            description={t('newCase.lodgedHint')}
            value={lodgedOn}
            onChange={(e) => setLodgedOn(e.currentTarget.value)}
            error={errors.applicationLodgedOn}
          />
          <TextInput
            type="date"
            label={t('newCase.eurodacHitOn')}
            value={eurodacHitOn}
            onChange={(e) => setEurodacHitOn(e.currentTarget.value)}
            error={errors.eurodacHitOn}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('newCase.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
