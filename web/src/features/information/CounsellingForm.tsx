import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useRecordSession } from './api';
import {
  COUNSELLING_OPTIONS,
  INFO_LANGUAGES,
  languageLabel,
  REFERRAL_SERVICES,
  STATED_INTENTIONS,
  TOPICS,
} from './languages';
import type { CounsellingInput } from './types';

const today = () => new Date().toISOString().slice(0, 10);
type Intention = CounsellingInput['statedIntention'];

function emptyForm() {
  return {
    heldOn: today(),
    language: 'ar',
    interpreterUsed: false,
    anonymous: false,
    personId: '',
    topics: [] as string[],
    options: [] as string[],
    intention: 'not_stated' as Intention,
    referrals: [] as string[],
    followUpOn: '',
    notes: '',
  };
}

/** One counselling session: what was discussed, what the person said they intend, what follows. */
export function CounsellingForm({ personId }: { personId?: string }) {
  const { t } = useTranslation('information');
  const record = useRecordSession();
  const [form, setForm] = useState({ ...emptyForm(), personId: personId ?? '' });
  const errors = fieldErrors(record.error);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CounsellingInput = {
      heldOn: form.heldOn,
      language: form.language.trim(),
      interpreterUsed: form.interpreterUsed,
      ...(form.anonymous ? { anonymous: true as const } : { personId: form.personId.trim() }),
      topics: form.topics as CounsellingInput['topics'],
      optionsDiscussed: form.options as CounsellingInput['optionsDiscussed'],
      statedIntention: form.intention,
      referrals: form.referrals.map((service) => ({
        service: service as NonNullable<CounsellingInput['referrals']>[number]['service'],
      })),
      ...(form.followUpOn ? { followUpOn: form.followUpOn } : {}),
      ...(form.notes.trim() ? { notes: form.notes } : {}),
    };
    record.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('counselling.recorded') });
        setForm({ ...emptyForm(), personId: personId ?? '' });
        record.reset();
      },
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="counselling-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="counselling-form-title">
            {t('counselling.title')}
          </Title>
          <FormAlert
            error={record.error}
            fields={[
              'heldOn',
              'language',
              'personId',
              'topics',
              'optionsDiscussed',
              'statedIntention',
              'referrals',
              'followUpOn',
              'notes',
            ]}
            namespace="information"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('counselling.heldOn')}
              value={form.heldOn}
              error={errors.heldOn}
              onChange={(e) => set('heldOn', e.currentTarget.value)}
            />
            <NativeSelect
              label={t('counselling.language')}
              value={form.language}
              error={errors.language}
              data={INFO_LANGUAGES.map((l) => ({ value: l.tag, label: languageLabel(l.tag) }))}
              onChange={(e) => set('language', e.currentTarget.value)}
            />
          </Group>
          <Switch
            label={t('counselling.interpreterUsed')}
            checked={form.interpreterUsed}
            onChange={(e) => set('interpreterUsed', e.currentTarget.checked)}
          />
          <Switch
            label={t('counselling.anonymous')}
            checked={form.anonymous}
            onChange={(e) => set('anonymous', e.currentTarget.checked)}
          />
          {!form.anonymous && (
            <TextInput
              label={t('counselling.personId')}
              description={t('counselling.personIdHint')}
              dir="ltr"
              autoComplete="off"
              value={form.personId}
              error={errors.personId}
              onChange={(e) => set('personId', e.currentTarget.value)}
            />
          )}
          <Checkbox.Group
            label={t('counselling.topics')}
            value={form.topics}
            onChange={(v) => set('topics', v)}
            error={errors.topics}
          >
            <Group gap="sm" mt={4}>
              {TOPICS.map((topic) => (
                <Checkbox key={topic} value={topic} label={t(`topics.${topic}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('counselling.options')}
            value={form.options}
            onChange={(v) => set('options', v)}
            error={errors.optionsDiscussed}
          >
            <Group gap="sm" mt={4}>
              {COUNSELLING_OPTIONS.map((option) => (
                <Checkbox key={option} value={option} label={t(`optionsDiscussed.${option}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NativeSelect
            label={t('counselling.intention')}
            value={form.intention}
            error={errors.statedIntention}
            data={STATED_INTENTIONS.map((value) => ({ value, label: t(`intentions.${value}`) }))}
            onChange={(e) => set('intention', e.currentTarget.value as Intention)}
          />
          <Checkbox.Group
            label={t('counselling.referrals')}
            value={form.referrals}
            onChange={(v) => set('referrals', v)}
            error={errors.referrals}
          >
            <Group gap="sm" mt={4}>
              {REFERRAL_SERVICES.map((service) => (
                <Checkbox key={service} value={service} label={t(`services.${service}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('counselling.followUpOn')}
            value={form.followUpOn}
            error={errors.followUpOn}
            onChange={(e) => set('followUpOn', e.currentTarget.value)}
          />
          <Textarea
            label={t('counselling.notes')}
            autosize
            minRows={3}
            value={form.notes}
            error={errors.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
          />
          <Button type="submit" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('counselling.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
