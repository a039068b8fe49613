import { Button, Card, Checkbox, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { CodeSelect, Narrative, optional } from '../forms/fields';
import { useCaseActions } from '../mutations';
import { type CaseDetail, FLAG_KINDS, SERVICE_KINDS } from '../types';
import { FlagsList } from './FlagsList';

const FOLLOW_UPS = ['visit', 'phone', 'meeting', 'other'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/** Recording work: follow-ups (which restart the follow-up clock), notes, services, flags. */
export function WorkPanel({ c }: { c: CaseDetail }) {
  const allowed = (action: string) => c.allowed.includes(action);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {allowed('followUp') && <FollowUpForm caseId={c.id} />}
      {allowed('note') && <NoteForm caseId={c.id} />}
      {allowed('service') && <ServiceForm caseId={c.id} />}
      {allowed('flag') && <FlagForm caseId={c.id} />}
      {allowed('flag') && <FlagsList c={c} />}
    </SimpleGrid>
  );
}

function Section({
  title,
  children,
  onSubmit,
}: {
  title: string;
  children: ReactNode;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function FollowUpForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const { followUp } = useCaseActions(caseId);
  const [kind, setKind] = useState<(typeof FOLLOW_UPS)[number]>('visit');
  const [date, setDate] = useState(today);
  const [notes, setNotes] = useState('');
  const [safe, setSafe] = useState(true);
  const errors = fieldErrors(followUp.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    followUp.mutate(
      { kind, occurredOn: date, notes, childSeenSafe: safe },
      { onSuccess: () => setNotes('') },
    );
  };
  return (
    <Section title={t('work.followUp')} onSubmit={submit}>
      <FormAlert error={followUp.error} fields={['occurredOn', 'notes']} namespace="cases" />
      <Group grow>
        <CodeSelect
          label={t('work.followUpKind')}
          prefix="followUps"
          options={FOLLOW_UPS}
          value={kind}
          onChange={setKind}
        />
        <TextInput
          type="date"
          label={t('work.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.occurredOn}
        />
      </Group>
      <Narrative label={t('work.notes')} value={notes} onChange={setNotes} error={errors.notes} />
      <Checkbox
        label={t('work.seenSafe')}
        checked={safe}
        onChange={(e) => setSafe(e.currentTarget.checked)}
      />
      <Button type="submit" loading={followUp.isPending}>
        {t('work.saveFollowUp')}
      </Button>
    </Section>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const { note } = useCaseActions(caseId);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    note.mutate({ text }, { onSuccess: () => setText('') });
  };
  return (
    <Section title={t('work.note')} onSubmit={submit}>
      <FormAlert error={note.error} fields={['text']} namespace="cases" />
      <Narrative
        label={t('work.noteText')}
        description={t('work.noteHint')}
        value={text}
        onChange={setText}
        error={fieldErrors(note.error).text}
      />
      <Button type="submit" loading={note.isPending}>
        {t('work.saveNote')}
      </Button>
    </Section>
  );
}

function ServiceForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const { service } = useCaseActions(caseId);
  const [kind, setKind] = useState<(typeof SERVICE_KINDS)[number]>('health');
  const [date, setDate] = useState(today);
  const [provider, setProvider] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    service.mutate(
      { service: kind, providedOn: date, provider: optional(provider) },
      { onSuccess: () => notifications.show({ color: 'green', message: t('work.serviceSaved') }) },
    );
  };
  return (
    <Section title={t('work.service')} onSubmit={submit}>
      <FormAlert error={service.error} fields={['providedOn']} namespace="cases" />
      <Group grow>
        <CodeSelect
          label={t('work.serviceKind')}
          prefix="services"
          options={SERVICE_KINDS}
          value={kind}
          onChange={setKind}
        />
        <TextInput
          type="date"
          label={t('work.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fieldErrors(service.error).providedOn}
        />
      </Group>
      <TextInput
        label={t('work.provider')}
        value={provider}
        onChange={(e) => setProvider(e.currentTarget.value)}
      />
      <Button type="submit" loading={service.isPending}>
        {t('work.saveService')}
      </Button>
    </Section>
  );
}

function FlagForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const { flag } = useCaseActions(caseId);
  const [kind, setKind] = useState<(typeof FLAG_KINDS)[number]>('safety_risk');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    flag.mutate({ flag: kind, reason }, { onSuccess: () => setReason('') });
  };
  return (
    <Section title={t('work.flag')} onSubmit={submit}>
      <FormAlert error={flag.error} fields={['reason']} namespace="cases" />
      <CodeSelect
        label={t('work.flagKind')}
        prefix="flags"
        options={FLAG_KINDS}
        value={kind}
        onChange={setKind}
      />
      <Narrative
        label={t('work.flagReason')}
        value={reason}
        onChange={setReason}
        error={fieldErrors(flag.error).reason}
      />
      <Button type="submit" color="red" variant="light" loading={flag.isPending}>
        {t('work.saveFlag')}
      </Button>
    </Section>
  );
}
