import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../app/FormAlert';
import { ErrorState, PageLoader } from '../../../app/states';
import { useAddMember, useHousehold, useStartHousehold } from '../api';
import { displayName } from '../format';
import { type Household, type Person, type PersonHit, RELATIONSHIPS, type Relationship } from '../types';
import { PersonPicker } from './PersonPicker';

/** The person's household and its members; the household builder when `editHousehold` is allowed. */
export function HouseholdTab({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const household = useHousehold(person.householdId);
  const start = useStartHousehold();
  const canEdit = person.allowed.includes('editHousehold');

  if (!person.householdId) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t('profile.noHousehold')}</Text>
        <FormAlert error={start.error} fields={[]} namespace="people" />
        {canEdit && (
          <Button
            loading={start.isPending}
            onClick={() => start.mutate({ personId: person.id, relationship: 'head', siteId: person.siteId })}
          >
            {t('profile.createHousehold')}
          </Button>
        )}
      </Stack>
    );
  }
  if (household.isPending) return <PageLoader label={t('common:loading')} />;
  if (household.isError)
    return <ErrorState error={household.error} onRetry={() => void household.refetch()} />;
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t('profile.householdCode', { code: household.data.code })}
      </Title>
      <Table data-testid="household-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.givenName')}</Table.Th>
            <Table.Th>{t('fields.relationship')}</Table.Th>
            <Table.Th>{t('fields.age')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {household.data.members.map((m) => (
            <Table.Tr key={m.personId}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${m.personId}`} ff="monospace" dir="ltr">
                  {m.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {displayName({ ...m, fathersName: null, familyName: m.familyName ?? null })}
              </Table.Td>
              <Table.Td>{t(`relationships.${m.relationship}`, { defaultValue: m.relationship })}</Table.Td>
              <Table.Td>{m.age ?? t('none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit && <AddMember household={household.data} />}
      {canEdit && (
        <Button
          component={Link}
          to={`/people/new?household=${household.data.id}`}
          variant="default"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('register.registerFamilyMember')}
        </Button>
      )}
    </Stack>
  );
}

function AddMember({ household }: { household: Household }) {
  const { t } = useTranslation('people');
  const add = useAddMember(household.id);
  const [picked, setPicked] = useState<PersonHit | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('child');
  const submit = () => {
    if (!picked) return;
    add.mutate(
      { personId: picked.id, relationship },
      {
        onSuccess: () => {
          setPicked(null);
          notifications.show({ color: 'green', message: t('profile.memberAdded') });
        },
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="add-member-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="add-member-title">
          {t('profile.addMember')}
        </Title>
        <FormAlert error={add.error} fields={[]} namespace="people" />
        {picked ? (
          <Group align="flex-end" gap="sm">
            <Text fw={600}>{t('profile.chosen', { name: displayName(picked) })}</Text>
            <NativeSelect
              label={t('fields.relationship')}
              value={relationship}
              onChange={(e) => setRelationship(e.currentTarget.value as Relationship)}
              data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationships.${r}`) }))}
            />
            <Button onClick={submit} loading={add.isPending}>
              {t('profile.add')}
            </Button>
            <Button variant="subtle" onClick={() => setPicked(null)}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        ) : (
          <PersonPicker excludeIds={household.members.map((m) => m.personId)} onPick={setPicked} />
        )}
      </Stack>
    </Card>
  );
}
