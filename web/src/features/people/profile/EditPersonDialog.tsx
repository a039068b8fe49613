import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useUpdatePerson } from '../api';
import { autoDirection } from '../fields/auto-direction';
import { LanguagesSelect } from '../fields/LanguagesSelect';
import { NationalitySelect } from '../fields/NationalitySelect';
import { SiteSelect } from '../fields/SiteSelect';
import { displayName } from '../format';
import { type Person, SEXES, type Sex } from '../types';
import { changesOf, draftOf, type EditDraft } from './edit-draft';

interface Props {
  person: Person;
  onClose: () => void;
  /** Reads the record again; the parent remounts this dialog with the fresh version. */
  onReload: () => void;
}

/** Edits the fields the server sent; a stale version is explained in plain words, with a reload. */
export function EditPersonDialog({ person, onClose, onReload }: Props) {
  const { t } = useTranslation('people');
  const update = useUpdatePerson(person.id);
  const [initial] = useState(() => draftOf(person));
  const [draft, setDraft] = useState<EditDraft>(initial);
  const set = (patch: Partial<EditDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = fieldErrors(update.error);
  const conflict = update.error instanceof ApiError && update.error.status === 409;
  const has = (key: keyof Person) => person[key] !== undefined;
  const text = (key: keyof EditDraft & keyof Person, props: { dir?: 'ltr'; type?: string } = {}) =>
    has(key) && (
      <TextInput
        label={t(`fields.${key}`)}
        value={draft[key] as string}
        onChange={(e) => set({ [key]: e.currentTarget.value })}
        error={errors[key]}
        ref={props.dir ? undefined : autoDirection}
        {...props}
      />
    );

  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = changesOf(person, initial, draft);
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('profile.saved') });
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('profile.editTitle', { name: displayName(person) })} size="xl">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          {conflict ? (
            <Alert color="orange" role="alert" title={t('profile.conflictTitle')} data-testid="edit-conflict">
              <Stack gap="xs" align="flex-start">
                {t('profile.conflictBody')}
                <Button size="xs" color="orange" variant="light" onClick={onReload}>
                  {t('profile.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FormAlert error={update.error} fields={Object.keys(draft)} namespace="people" />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('givenName')}
            {text('familyName')}
            {text('fathersName')}
            {text('originalScriptName')}
            {text('birthDate', { type: 'date' })}
            <TextInput
              label={t('fields.birthYear')}
              inputMode="numeric"
              dir="ltr"
              disabled={draft.birthDate !== ''}
              value={draft.birthDate ? draft.birthDate.slice(0, 4) : draft.birthYear}
              onChange={(e) => set({ birthYear: e.currentTarget.value })}
              error={errors.birthYear}
            />
            <NationalitySelect
              label={t('fields.nationality')}
              value={draft.nationality}
              onChange={(nationality) => set({ nationality })}
              error={errors.nationality}
            />
            <LanguagesSelect
              label={t('fields.languages')}
              value={draft.languages}
              onChange={(languages) => set({ languages })}
              error={errors.languages}
            />
            {text('phone', { dir: 'ltr', type: 'tel' })}
            <SiteSelect
              label={t('fields.site')}
              value={draft.siteId}
              onChange={(siteId) => set({ siteId })}
              error={errors.siteId}
            />
            {text('placeOfOrigin')}
          </SimpleGrid>
          {has('otherNames') && (
            <TagsInput
              label={t('fields.otherNames')}
              value={draft.otherNames}
              onChange={(otherNames) => set({ otherNames })}
              error={errors.otherNames}
            />
          )}
          <Radio.Group
            label={t('fields.sex')}
            value={draft.sex}
            onChange={(sex) => set({ sex: sex as Sex })}
            error={errors.sex}
          >
            <Group gap="lg" mt={6}>
              {SEXES.map((sex) => (
                <Radio key={sex} value={sex} label={t(`sexes.${sex}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label={t('fields.ageEstimated')}
            checked={draft.ageEstimated}
            onChange={(e) => set({ ageEstimated: e.currentTarget.checked })}
          />
          {has('notes') && (
            <Textarea
              label={t('fields.notes')}
              autosize
              minRows={2}
              value={draft.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              error={errors.notes}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={conflict}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
