import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { useChangeConsent } from '../api';
import { ConsentFields } from '../register/ConsentFields';
import type { ConsentBasis, ConsentPurpose, Person } from '../types';

/** Consent per purpose with its whole history; withdrawal keeps the record and shows its date. */
export function ConsentTab({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const format = useFormatDateTime();
  const change = useChangeConsent(person.id);
  const [basis, setBasis] = useState<ConsentBasis | ''>('');
  const [purposes, setPurposes] = useState<ConsentPurpose[]>([]);
  const canEdit = person.allowed.includes('editConsent');
  const history = [...(person.consent ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const errors = fieldErrors(change.error);
  const saved = () => notifications.show({ color: 'green', message: t('profile.consentSaved') });

  const give = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { basis: basis || undefined, give: purposes },
      {
        onSuccess: () => {
          setPurposes([]);
          saved();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <FormAlert error={change.error} fields={['basis', 'give']} namespace="people" />
      {history.length === 0 ? (
        <Text>{t('profile.noConsent')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="consent-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.purposes')}</Table.Th>
                <Table.Th>{t('fields.legalBasis')}</Table.Th>
                <Table.Th>{t('profile.recordedOn')}</Table.Th>
                <Table.Th>{t('profile.withdrawnOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((c) => (
                <Table.Tr key={`${c.purpose}-${c.recordedAt}`}>
                  <Table.Td>{t(`purposes.${c.purpose}`, { defaultValue: c.purpose })}</Table.Td>
                  <Table.Td>{t(`bases.${c.basis}`, { defaultValue: c.basis })}</Table.Td>
                  <Table.Td>{format(c.recordedAt)}</Table.Td>
                  <Table.Td>
                    {c.withdrawnAt ? (
                      format(c.withdrawnAt)
                    ) : (
                      <Badge color="green">{t('profile.active')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canEdit && !c.withdrawnAt && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('profile.withdrawPurpose', { purpose: t(`purposes.${c.purpose}`) })}
                        onClick={() =>
                          change.mutate({ withdraw: [c.purpose as ConsentPurpose] }, { onSuccess: saved })
                        }
                      >
                        {t('profile.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && (
        <Card withBorder component="form" onSubmit={give} aria-labelledby="consent-give-title">
          <Stack gap="sm">
            <Title order={3} size="h5" id="consent-give-title">
              {t('profile.giveTitle')}
            </Title>
            <ConsentFields
              basis={basis}
              purposes={purposes}
              onBasis={setBasis}
              onPurposes={setPurposes}
              errors={{ basis: errors.basis, purposes: errors.give }}
            />
            <Button
              type="submit"
              loading={change.isPending}
              disabled={purposes.length === 0}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('profile.give')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
