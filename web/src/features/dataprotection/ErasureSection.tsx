import {
  Alert,
  Anchor,
  Button,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { ErrorState, PageLoader } from '../../app/states';
import { useDecideErasure, useErasures, useFileErasure } from './api';
import { RequestActions } from './RequestActions';
import {
  ERASURE_GROUNDS,
  type Erasure,
  type ErasureGround,
  REFUSAL_GROUNDS,
  type RefusalGround,
} from './types';

export function ErasureSection() {
  const { t } = useTranslation('dataprotection');
  const erasures = useErasures();
  return (
    <Stack gap="lg">
      <ErasureForm />
      <Title order={2} size="h3">
        {t('erasure.list')}
      </Title>
      {erasures.isPending && <PageLoader label={t('common:loading')} />}
      {erasures.isError && <ErrorState error={erasures.error} onRetry={() => void erasures.refetch()} />}
      {erasures.isSuccess &&
        (erasures.data.items.length === 0 ? (
          <Text>{t('common.empty')}</Text>
        ) : (
          <ErasureTable items={erasures.data.items} />
        ))}
    </Stack>
  );
}

function ErasureForm() {
  const { t } = useTranslation('dataprotection');
  const [search] = useSearchParams();
  const file = useFileErasure();
  const [personId, setPersonId] = useState(search.get('personId') ?? '');
  const [ground, setGround] = useState<ErasureGround>('consent_withdrawn');
  const [note, setNote] = useState('');
  const errors = fieldErrors(file.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        file.mutate(
          { personId: personId.trim(), ground, ...(note.trim() ? { note: note.trim() } : {}) },
          { onSuccess: () => setNote('') },
        );
      }}
    >
      <Stack gap="sm" maw={560}>
        <Title order={2} size="h3">
          {t('erasure.file')}
        </Title>
        <FormAlert error={file.error} fields={['personId', 'ground', 'note']} />
        {file.isSuccess && (
          <Alert color="blue" role="status">
            {t('erasure.filed')}
          </Alert>
        )}
        <TextInput
          label={t('common.personId')}
          description={t('common.personIdHint')}
          value={personId}
          onChange={(event) => setPersonId(event.currentTarget.value)}
          error={errors.personId}
          dir="ltr"
          required
        />
        <NativeSelect
          label={t('erasure.ground')}
          value={ground}
          onChange={(event) => setGround(event.currentTarget.value as ErasureGround)}
          data={ERASURE_GROUNDS.map((g) => ({ value: g, label: t(`erasure.grounds.${g}`) }))}
          error={errors.ground}
        />
        <Textarea
          label={t('erasure.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.note}
        />
        <div>
          <Button type="submit" loading={file.isPending}>
            {t('erasure.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function ErasureTable({ items }: { items: Erasure[] }) {
  const { t } = useTranslation('dataprotection');
  const decide = useDecideErasure();
  const reasons = REFUSAL_GROUNDS.map((g) => ({ value: g, label: t(`erasure.refusals.${g}`) }));
  return (
    <Stack gap="xs">
      <FormAlert error={decide.error} fields={[]} />
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="erasure-requests" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.person')}</Table.Th>
              <Table.Th>{t('erasure.ground')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('common.dueOn')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="erasure-request">
                <Table.Td>
                  <Anchor component={Link} to={`/people/${encodeURIComponent(r.personId)}`} dir="ltr">
                    {r.personCode ?? t('common.erasedPerson')}
                  </Anchor>
                  {r.note && (
                    <Text size="sm" c="dimmed">
                      {r.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`erasure.grounds.${r.ground}`, r.ground)}</Table.Td>
                <Table.Td>
                  {t(`statuses.${r.status}`, r.status)}
                  {r.refusalGround && (
                    <Text size="sm" c="dimmed">
                      {t(`erasure.refusals.${r.refusalGround}`, r.refusalGround)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td dir="ltr">{r.dueOn}</Table.Td>
                <Table.Td>
                  <RequestActions
                    allowed={r.allowed}
                    reasons={reasons}
                    reasonLabel={t('erasure.refusalGround')}
                    withNote
                    pending={decide.isPending}
                    onApprove={() => decide.mutate({ id: r.id, action: 'approve' })}
                    onCancel={() => decide.mutate({ id: r.id, action: 'cancel' })}
                    onRefuse={(ground, note) =>
                      decide.mutate({
                        id: r.id,
                        action: 'refuse',
                        ground: ground as RefusalGround,
                        ...(note ? { note } : {}),
                      })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
