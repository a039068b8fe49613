import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { ErrorState, PageLoader } from '../../app/states';
import {
  useChangePolicy,
  useCreatePolicy,
  usePolicies,
  usePreview,
  useRecordTypes,
  useRunRetention,
} from './api';
import type { CreatePolicyInput, Policy } from './types';

export function RetentionSection() {
  const { t } = useTranslation('dataprotection');
  const policies = usePolicies();
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('retention.policies')}
      </Title>
      {policies.isPending && <PageLoader label={t('common:loading')} />}
      {policies.isError && <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />}
      {policies.isSuccess &&
        (policies.data.items.length === 0 ? (
          <Text>{t('retention.none')}</Text>
        ) : (
          <PoliciesTable policies={policies.data.items} />
        ))}
      <PolicyForm />
      <PreviewReport />
    </Stack>
  );
}

function PoliciesTable({ policies }: { policies: Policy[] }) {
  const { t } = useTranslation('dataprotection');
  const change = useChangePolicy();
  const setMode = (policy: Policy, mode: Policy['mode']) =>
    change.mutate({ id: policy.id, mode, version: policy.version });
  return (
    <Stack gap="xs">
      <FormAlert error={change.error} fields={[]} />
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="retention-policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.recordType')}</Table.Th>
              <Table.Th>{t('retention.recordStatus')}</Table.Th>
              <Table.Th>{t('retention.keepDays')}</Table.Th>
              <Table.Th>{t('retention.effective')}</Table.Th>
              <Table.Th>{t('retention.mode')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.map((policy) => (
              <Table.Tr key={policy.id}>
                <Table.Td>{t(`retention.types.${policy.recordType}`, policy.recordType)}</Table.Td>
                <Table.Td>{policy.recordStatus}</Table.Td>
                <Table.Td>{policy.keepDays}</Table.Td>
                <Table.Td>{policy.effectiveKeepDays}</Table.Td>
                <Table.Td>{t(`retention.modes.${policy.mode}`)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {policy.allowed.includes('activate') && (
                      <Button size="xs" onClick={() => setMode(policy, 'active')} loading={change.isPending}>
                        {t('retention.activate')}
                      </Button>
                    )}
                    {policy.allowed.includes('pause') && (
                      <Button size="xs" variant="default" onClick={() => setMode(policy, 'paused')}>
                        {t('retention.pause')}
                      </Button>
                    )}
                    {policy.allowed.includes('resume') && (
                      <Button size="xs" variant="default" onClick={() => setMode(policy, 'dry_run')}>
                        {t('retention.resume')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function PolicyForm() {
  const { t } = useTranslation('dataprotection');
  const types = useRecordTypes();
  const create = useCreatePolicy();
  const [recordType, setRecordType] = useState('case');
  const [recordStatus, setRecordStatus] = useState('');
  const [keepDays, setKeepDays] = useState<number | string>(730);
  const statuses = types.data?.items.find((x) => x.recordType === recordType)?.statuses ?? [];
  const status = statuses.includes(recordStatus) ? recordStatus : (statuses[0] ?? '');
  const errors = fieldErrors(create.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          recordType: recordType as CreatePolicyInput['recordType'],
          recordStatus: status,
          keepDays: Number(keepDays),
        });
      }}
    >
      <Stack gap="sm" maw={520}>
        <FormAlert error={create.error} fields={['recordType', 'recordStatus', 'keepDays']} />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('retention.recordType')}
            value={recordType}
            onChange={(event) => setRecordType(event.currentTarget.value)}
            data={(types.data?.items ?? []).map((x) => ({
              value: x.recordType,
              label: t(`retention.types.${x.recordType}`, x.recordType),
            }))}
            error={errors.recordType}
          />
          <NativeSelect
            label={t('retention.recordStatus')}
            value={status}
            onChange={(event) => setRecordStatus(event.currentTarget.value)}
            data={statuses}
            error={errors.recordStatus}
          />
          <NumberInput
            label={t('retention.keepDays')}
            value={keepDays}
            onChange={setKeepDays}
            min={1}
            max={36500}
            allowDecimal={false}
            error={errors.keepDays}
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('retention.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PreviewReport() {
  const { t } = useTranslation('dataprotection');
  const preview = usePreview();
  const run = useRunRetention();
  const processed = run.data?.policies.reduce((sum, p) => sum + p.processed, 0);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('retention.report')}
      </Title>
      <Text c="dimmed">{t('retention.reportIntro')}</Text>
      {preview.isPending && <PageLoader label={t('common:loading')} />}
      {preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.isSuccess && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="retention-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.recordType')}</Table.Th>
                <Table.Th>{t('retention.mode')}</Table.Th>
                <Table.Th>{t('retention.cutoff')}</Table.Th>
                <Table.Th>{t('retention.eligible')}</Table.Th>
                <Table.Th>{t('retention.held')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.data.policies.map((p) => (
                <Table.Tr key={p.policyId}>
                  <Table.Td>
                    {t(`retention.types.${p.recordType}`, p.recordType)} ({p.recordStatus})
                  </Table.Td>
                  <Table.Td>{t(`retention.modes.${p.mode}`, p.mode)}</Table.Td>
                  <Table.Td dir="ltr">{p.cutoff.slice(0, 10)}</Table.Td>
                  <Table.Td>{p.eligible}</Table.Td>
                  <Table.Td>{p.held}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormAlert error={run.error} fields={[]} />
      {run.isSuccess && !run.data.dryRun && (
        <Alert color="green" role="status">
          {t('retention.ran', { count: processed })}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => run.mutate(true)} loading={run.isPending}>
          {t('retention.runDry')}
        </Button>
        <Button color="red" onClick={() => run.mutate(false)} loading={run.isPending}>
          {t('retention.runNow')}
        </Button>
      </Group>
    </Stack>
  );
}
