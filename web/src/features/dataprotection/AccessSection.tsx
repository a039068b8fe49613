import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { ErrorState, PageLoader } from '../../app/states';
import { ACCESS, useAccessRequests, useDecideAccess, useFileAccess } from './api';
import { RequestActions } from './RequestActions';
import {
  ACCESS_REFUSALS,
  type AccessRefusal,
  type AccessRequest,
  VERIFICATIONS,
  type Verification,
} from './types';

export function AccessSection() {
  const { t } = useTranslation('dataprotection');
  const requests = useAccessRequests();
  return (
    <Stack gap="lg">
      <AccessForm />
      <Title order={2} size="h3">
        {t('access.list')}
      </Title>
      {requests.isPending && <PageLoader label={t('common:loading')} />}
      {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess &&
        (requests.data.items.length === 0 ? (
          <Text>{t('common.empty')}</Text>
        ) : (
          <AccessTable items={requests.data.items} />
        ))}
    </Stack>
  );
}

function AccessForm() {
  const { t, i18n } = useTranslation('dataprotection');
  const file = useFileAccess();
  const [personId, setPersonId] = useState('');
  const [language, setLanguage] = useState(i18n.language);
  const [verification, setVerification] = useState<Verification>('identity_document');
  const errors = fieldErrors(file.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        file.mutate({ personId: personId.trim(), language: language.trim(), verification });
      }}
    >
      <Stack gap="sm" maw={560}>
        <Title order={2} size="h3">
          {t('access.file')}
        </Title>
        <FormAlert error={file.error} fields={['personId', 'language', 'verification']} />
        {file.isSuccess && (
          <Alert color="blue" role="status">
            {t('access.filed')}
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
        <TextInput
          label={t('access.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value)}
          error={errors.language}
          dir="ltr"
          required
        />
        <NativeSelect
          label={t('access.verification')}
          value={verification}
          onChange={(event) => setVerification(event.currentTarget.value as Verification)}
          data={VERIFICATIONS.map((v) => ({ value: v, label: t(`access.verifications.${v}`) }))}
          error={errors.verification}
        />
        <div>
          <Button type="submit" loading={file.isPending}>
            {t('access.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function AccessTable({ items }: { items: AccessRequest[] }) {
  const { t } = useTranslation('dataprotection');
  const decide = useDecideAccess();
  const reasons = ACCESS_REFUSALS.map((r) => ({ value: r, label: t(`access.refusals.${r}`) }));
  return (
    <Stack gap="xs">
      <FormAlert error={decide.error} fields={[]} />
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="access-requests" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.person')}</Table.Th>
              <Table.Th>{t('access.language')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('common.dueOn')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="access-request">
                <Table.Td>
                  <Anchor component={Link} to={`/people/${encodeURIComponent(r.personId)}`} dir="ltr">
                    {r.personCode ?? t('common.erasedPerson')}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t(`access.verifications.${r.verification}`, r.verification)}
                  </Text>
                </Table.Td>
                <Table.Td dir="ltr">{r.templateLanguage}</Table.Td>
                <Table.Td>
                  {t(`statuses.${r.status}`, r.status)}
                  {r.refusalReason && (
                    <Text size="sm" c="dimmed">
                      {t(`access.refusals.${r.refusalReason}`, r.refusalReason)}
                    </Text>
                  )}
                  {r.exportCount > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('access.exports', { count: r.exportCount })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td dir="ltr">{r.dueOn}</Table.Td>
                <Table.Td>
                  {r.allowed.includes('export') ? (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        component="a"
                        href={`${ACCESS}/${encodeURIComponent(r.id)}/export.pdf`}
                        download
                      >
                        {t('actions.exportPdf')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        component="a"
                        href={`${ACCESS}/${encodeURIComponent(r.id)}/export.json`}
                        download
                      >
                        {t('actions.exportJson')}
                      </Button>
                    </Group>
                  ) : (
                    <RequestActions
                      allowed={r.allowed}
                      reasons={reasons}
                      reasonLabel={t('access.refusal')}
                      pending={decide.isPending}
                      onApprove={() => decide.mutate({ id: r.id, action: 'approve' })}
                      onCancel={() => decide.mutate({ id: r.id, action: 'cancel' })}
                      onRefuse={(reason) =>
                        decide.mutate({ id: r.id, action: 'refuse', reason: reason as AccessRefusal })
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
