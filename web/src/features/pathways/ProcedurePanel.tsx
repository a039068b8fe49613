import { Badge, Button, Card, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useRecordStage } from './api';
import { DeadlineList } from './DeadlineList';
import { DocumentForm } from './DocumentForm';
import { localToday, optional, useCalendarDate } from './format';
import { CUSTODY, NEEDS_CUSTODY, type Procedure, STAGE_RESULTS } from './types';

function RecordStageForm({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation('pathways');
  const record = useRecordStage(procedure.id);
  const [stage, setStage] = useState(procedure.nextStages[0] ?? '');
  const [occurredOn, setOccurredOn] = useState(localToday());
  const [result, setResult] = useState('');
  const [custody, setCustody] = useState('none');
  const [notes, setNotes] = useState('');
  const results = STAGE_RESULTS[stage];
  const errors = fieldErrors(record.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        stage,
        occurredOn,
        ...(results ? { result: result || results[0] } : {}),
        ...(NEEDS_CUSTODY.has(stage) ? { custody } : {}),
        ...(optional(notes) ? { notes: optional(notes) } : {}),
      },
      { onSuccess: () => setNotes('') },
    );
  };
  return (
    <form onSubmit={submit} data-testid="record-stage">
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('procedure.record')}
        </Title>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <NativeSelect
            label={t('procedure.stage')}
            value={stage}
            onChange={(e) => {
              setStage(e.currentTarget.value);
              setResult('');
            }}
            data={procedure.nextStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            error={errors.stage}
            miw={200}
          />
          <TextInput
            type="date"
            label={t('procedure.occurredOn')}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.currentTarget.value)}
            error={errors.occurredOn}
            miw={160}
          />
          {results && (
            <NativeSelect
              label={t('procedure.result')}
              value={result || results[0]}
              onChange={(e) => setResult(e.currentTarget.value)}
              data={results.map((r) => ({ value: r, label: t(`results.${r}`) }))}
              error={errors.result}
              miw={180}
            />
          )}
          {NEEDS_CUSTODY.has(stage) && (
            <NativeSelect
              label={t('procedure.custody')}
              value={custody}
              onChange={(e) => setCustody(e.currentTarget.value)}
              data={CUSTODY.map((c) => ({ value: c, label: t(`custody.${c}`) }))}
              error={errors.custody}
              miw={180}
            />
          )}
        </Group>
        <TextInput
          label={t('procedure.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
        />
        <FormAlert
          error={record.error}
          fields={['stage', 'occurredOn', 'result', 'custody', 'notes']}
          namespace="pathways"
        />
        <Group>
          <Button type="submit" loading={record.isPending} disabled={!stage}>
            {t('procedure.saveStage')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One procedure: its stages as a timeline, its documents, its time limits with countdowns. */
export function ProcedurePanel({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation('pathways');
  const formatDate = useCalendarDate();
  return (
    <Card withBorder data-testid="procedure" data-procedure-id={procedure.id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t(`procedure.kinds.${procedure.kind}`)} · {t(`procedure.types.${procedure.procedureType}`)}
            {procedure.destinationCountry ? ` → ${procedure.destinationCountry}` : ''}
          </Title>
          <Group gap="xs">
            {procedure.outcome && (
              <Badge variant="light" color="grape">
                {t('procedure.outcome', { outcome: t(`results.${procedure.outcome}`, procedure.outcome) })}
              </Badge>
            )}
            <Badge variant="light" color={procedure.status === 'open' ? 'blue' : 'gray'}>
              {t(`procedure.status.${procedure.status}`)}
            </Badge>
          </Group>
        </Group>
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('procedure.timeline')}
          </Title>
          {procedure.events.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('procedure.noEvents')}
            </Text>
          ) : (
            <List size="sm" spacing={2} data-testid="procedure-timeline">
              {procedure.events.map((e) => (
                <List.Item key={e.id}>
                  <Text span fw={600} size="sm">
                    {formatDate(e.occurredOn)}
                  </Text>{' '}
                  — {t(`stages.${e.stage}`, e.stage)}
                  {e.result ? ` (${t(`results.${e.result}`, e.result)})` : ''}
                  {e.custody && e.custody !== 'none' ? ` · ${t(`custody.${e.custody}`)}` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {procedure.documents.length > 0 && (
          <Stack gap={4}>
            <Title order={4} size="h6">
              {t('procedure.documents')}
            </Title>
            <List size="sm" spacing={2} data-testid="procedure-documents">
              {procedure.documents.map((d) => (
                <List.Item key={d.id}>
                  {t(`documents.kinds.${d.kind}`, d.kind)} · {formatDate(d.issuedOn)}
                  {d.expiresOn ? ` · ${t('procedure.expires', { date: formatDate(d.expiresOn) })}` : ''}
                  {d.replacedBy ? ` · ${t('procedure.replaced')}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <DeadlineList deadlines={procedure.deadlines} />
        {procedure.allowed.includes('addDocument') && <DocumentForm procedureId={procedure.id} />}
        {procedure.allowed.includes('recordStage') && procedure.nextStages.length > 0 && (
          <RecordStageForm key={procedure.nextStages.join()} procedure={procedure} />
        )}
      </Stack>
    </Card>
  );
}
