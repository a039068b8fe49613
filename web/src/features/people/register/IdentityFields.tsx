import { Group, Radio, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { autoDirection } from '../fields/auto-direction';
import { SEXES } from '../types';
import type { RegistrationDraft } from './registration-draft';

export interface DraftFieldsProps {
  draft: RegistrationDraft;
  set: (patch: Partial<RegistrationDraft>) => void;
  errors: Record<string, string>;
}

/** Names in the order a registration interview asks them; the family name is never required. */
export function IdentityFields({ draft, set, errors }: DraftFieldsProps) {
  const { t } = useTranslation('people');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.givenName')}
          autoFocus
          autoComplete="off"
          value={draft.givenName}
          onChange={(e) => set({ givenName: e.currentTarget.value })}
          error={errors.givenName}
        />
        <TextInput
          label={t('fields.familyName')}
          description={t('fields.familyNameHint')}
          autoComplete="off"
          value={draft.familyName}
          onChange={(e) => set({ familyName: e.currentTarget.value })}
          error={errors.familyName}
        />
        <TextInput
          label={t('fields.fathersName')}
          autoComplete="off"
          value={draft.fathersName}
          onChange={(e) => set({ fathersName: e.currentTarget.value })}
          error={errors.fathersName}
        />
        <TextInput
          label={t('fields.originalScriptName')}
          description={t('fields.originalScriptNameHint')}
          ref={autoDirection}
          autoComplete="off"
          value={draft.originalScriptName}
          onChange={(e) => set({ originalScriptName: e.currentTarget.value })}
          error={errors.originalScriptName}
        />
      </SimpleGrid>
      <TagsInput
        label={t('fields.otherNames')}
        description={t('fields.otherNamesHint')}
        value={draft.otherNames}
        onChange={(otherNames) => set({ otherNames })}
        error={errors.otherNames}
        ref={autoDirection}
      />
      <Radio.Group
        label={t('fields.sex')}
        value={draft.sex}
        onChange={(sex) => set({ sex: sex as RegistrationDraft['sex'] })}
        error={errors.sex}
      >
        <Group gap="lg" mt={6}>
          {SEXES.map((sex) => (
            <Radio key={sex} value={sex} label={t(`sexes.${sex}`)} />
          ))}
        </Group>
      </Radio.Group>
    </>
  );
}
