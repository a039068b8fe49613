import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseWrites } from '../api';
import { type CaseDetail, type Stage, TRANSFER_EXTENSIONS } from '../types';

/** Today's date in Paris, where the legal days are counted (not the device's or UTC's date). */
function todayIso(): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Moves the case to one of the stages the server offers, with the day it happened. */
export function TransitionForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  const { transition } = useCaseWrites(c.id);
  const [to, setTo] = useState<Stage>(c.nextStages[0] ?? 'closed');
  const [on, setOn] = useState(todayIso());
  const [urgent, setUrgent] = useState(false);
  const [deemed, setDeemed] = useState(false);
  const [transferDate, setTransferDate] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(transition.error);
  if (!c.allowed.includes('transition') || c.nextStages.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    transition.mutate({
      to,
      on,
      ...(to === 'request_sent' && urgent ? { urgent } : {}),
      ...(to === 'accepted' && deemed ? { deemed } : {}),
      ...(to === 'transfer_scheduled' ? { transferDate } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };
  return (
    <Card
      withBorder
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="move-title"
      data-testid="transition-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="move-title">
          {t('case.move')}
        </Title>
        <FormAlert
          error={transition.error}
          fields={['to', 'on', 'transferDate', 'reason', 'deemed']}
          namespace="reunification"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('case.moveTo')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value as Stage)}
            data={c.nextStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            error={errors.to}
          />
          <TextInput
            type="date"
            label={t('case.on')}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={errors.on}
          />
        </SimpleGrid>
        {to === 'request_sent' && (
          <Checkbox
            label={t('case.urgent')}
            checked={urgent}
            onChange={(e) => setUrgent(e.currentTarget.checked)}
          />
        )}
        {to === 'accepted' && c.stage === 'request_sent' && (
          <Checkbox
            label={t('case.deemed')}
            checked={deemed}
            onChange={(e) => setDeemed(e.currentTarget.checked)}
            error={errors.deemed}
          />
        )}
        {to === 'transfer_scheduled' && (
          <TextInput
            type="date"
            label={t('case.transferDate')}
            value={transferDate}
            onChange={(e) => setTransferDate(e.currentTarget.value)}
            error={errors.transferDate}
          />
        )}
        <Textarea
          label={to === 'closed' ? t('case.reason') : t('case.note')}
          required={to === 'closed'}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={1}
          dir="auto"
        />
        <Group>
          <Button type="submit" loading={transition.isPending}>
            {t('case.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The facts that change a clock without moving the case: Eurodac hit, extension, appeal. */
export function FactsForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  const { update } = useCaseWrites(c.id);
  const [eurodacHitOn, setEurodac] = useState(c.dates.eurodacHitOn ?? '');
  const [extension, setExtension] = useState(c.dates.transferExtension);
  const [appeal, setAppeal] = useState(c.dates.appealDecidedOn ?? '');
  const errors = fieldErrors(update.error);
  if (!c.allowed.includes('updateDates')) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      eurodacHitOn: eurodacHitOn || null,
      ...(c.dates.acceptedOn ? { transferExtension: extension, appealDecidedOn: appeal || null } : {}),
    });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="facts-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="facts-title">
          {t('case.facts')}
        </Title>
        <FormAlert
          error={update.error}
          fields={['eurodacHitOn', 'transferExtension', 'appealDecidedOn']}
          namespace="reunification"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('case.eurodacHitOn')}
            value={eurodacHitOn}
            onChange={(e) => setEurodac(e.currentTarget.value)}
            error={errors.eurodacHitOn}
          />
          {c.dates.acceptedOn && (
            <>
              <NativeSelect
                label={t('case.transferExtension')}
                value={extension}
                onChange={(e) => setExtension(e.currentTarget.value as typeof extension)}
                data={TRANSFER_EXTENSIONS.map((x) => ({ value: x, label: t(`case.extensions.${x}`) }))}
                error={errors.transferExtension}
              />
              <TextInput
                type="date"
                label={t('case.appealDecidedOn')}
                value={appeal}
                onChange={(e) => setAppeal(e.currentTarget.value)}
                error={errors.appealDecidedOn}
              />
            </>
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={update.isPending}>
            {t('case.saveFacts')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
