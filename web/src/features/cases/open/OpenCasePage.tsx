import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { type PersonHit, usePersonById, usePersonSearch } from '../api';
import { useOpenCase } from '../mutations';
import { CASE_RISKS, CASE_TYPES, type CaseRisk, type CaseType } from '../types';

const nameOf = (p: PersonHit) =>
  [p.givenName, p.fathersName, p.familyName].filter(Boolean).join(' ') || p.code;

/** /cases/new[?personId=]: open a case from a person's profile, or find the person first. */
export function OpenCasePage() {
  const { t } = useTranslation('cases');
  const [params, setParams] = useSearchParams();
  const personId = params.get('personId');
  const person = usePersonById(personId);
  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to="/cases" size="sm">
        {t('nav.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('open.title')}
      </Title>
      {!personId && <PersonFinder onPick={(id) => setParams({ personId: id })} />}
      {person.isSuccess && <OpenCaseForm person={person.data} onChangePerson={() => setParams({})} />}
      {person.isError && <Text c="red">{t('open.personNotFound')}</Text>}
    </Stack>
  );
}

function PersonFinder({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation('cases');
  const [q, setQ] = useState('');
  const results = usePersonSearch(q);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <TextInput
          label={t('open.search')}
          description={t('open.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {results.data?.items.length === 0 && <Text size="sm">{t('open.noResults')}</Text>}
        {results.data?.items.map((hit) => (
          <Group key={hit.id} justify="space-between">
            <Group gap="xs">
              <Text dir="auto">{nameOf(hit)}</Text>
              <Badge variant="outline" ff="monospace" dir="ltr">
                {hit.code}
              </Badge>
              {hit.unaccompanied && <Badge color="red">{t('list.unaccompanied')}</Badge>}
            </Group>
            <Button size="xs" variant="light" onClick={() => onPick(hit.id)}>
              {t('open.pick')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function OpenCaseForm({ person, onChangePerson }: { person: PersonHit; onChangePerson: () => void }) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const open = useOpenCase();
  const [type, setType] = useState<CaseType>(
    person.unaccompanied ? 'child_protection' : 'general_protection',
  );
  const [risk, setRisk] = useState<CaseRisk>(person.unaccompanied ? 'high' : 'medium');
  const [riskReason, setRiskReason] = useState('');
  const errors = fieldErrors(open.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(
      { personId: person.id, type, risk, ...(riskReason.trim() ? { riskReason } : {}) },
      { onSuccess: (created) => navigate(`/cases/${created.id}`) },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="xs" data-testid="open-case-person">
          <Text fw={600}>{t('open.chosen')}</Text>
          <Text dir="auto">{nameOf(person)}</Text>
          <Badge variant="outline" ff="monospace" dir="ltr">
            {person.code}
          </Badge>
          {person.unaccompanied && <Badge color="red">{t('list.unaccompanied')}</Badge>}
          <Button size="compact-xs" variant="subtle" onClick={onChangePerson}>
            {t('open.changePerson')}
          </Button>
        </Group>
        <FormAlert error={open.error} fields={['type', 'risk', 'riskReason']} namespace="cases" />
        <NativeSelect
          label={t('open.type')}
          value={type}
          onChange={(e) => setType(e.currentTarget.value as CaseType)}
          data={CASE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          error={errors.type}
        />
        <NativeSelect
          label={t('open.risk')}
          value={risk}
          onChange={(e) => setRisk(e.currentTarget.value as CaseRisk)}
          data={CASE_RISKS.map((v) => ({ value: v, label: t(`risks.${v}`) }))}
          error={errors.risk}
        />
        <Textarea
          label={t('open.riskReason')}
          description={t('open.riskReasonHint')}
          value={riskReason}
          onChange={(e) => setRiskReason(e.currentTarget.value)}
          error={errors.riskReason}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={open.isPending}>
            {t('open.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
