import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../i18n/format';
import { useSiteOptions } from '../api';
import { useAgeText, useCountryName } from '../format';
import type { Person } from '../types';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** Every field the server sent for this user, and only those: the server already whitelisted them. */
export function OverviewTab({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('people');
  const format = useFormatDateTime();
  const ageText = useAgeText();
  const countryName = useCountryName();
  const sites = useSiteOptions();
  const none = t('none');
  const has = (key: keyof Person) => person[key] !== undefined;
  const languageName = (tag: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="dl" data-testid="person-overview">
      {has('givenName') && <Item label={t('fields.givenName')}>{person.givenName}</Item>}
      {has('familyName') && <Item label={t('fields.familyName')}>{person.familyName ?? none}</Item>}
      {has('fathersName') && <Item label={t('fields.fathersName')}>{person.fathersName ?? none}</Item>}
      {has('originalScriptName') && (
        <Item label={t('fields.originalScriptName')}>
          <span dir="auto">{person.originalScriptName ?? none}</span>
        </Item>
      )}
      {has('otherNames') && (
        <Item label={t('fields.otherNames')}>
          <span dir="auto">{person.otherNames?.join(', ') || none}</span>
        </Item>
      )}
      <Item label={t('fields.sex')}>{t(`sexes.${person.sex}`, { defaultValue: person.sex })}</Item>
      {has('birthDate') && (
        <Item label={t('fields.birthDate')}>
          {person.birthDate ? format(person.birthDate, 'date') : none}
        </Item>
      )}
      <Item label={t('fields.birthYear')}>{person.birthYear ?? none}</Item>
      <Item label={t('fields.age')}>{ageText(person, true)}</Item>
      <Item label={t('fields.nationality')}>{countryName(person.nationality)}</Item>
      <Item label={t('fields.languages')}>{person.languages.map(languageName).join(', ') || none}</Item>
      {has('phone') && (
        <Item label={t('fields.phone')}>
          <span dir="ltr">{person.phone ?? none}</span>
        </Item>
      )}
      <Item label={t('fields.site')}>
        {person.siteId ? (sites.data?.find((s) => s.id === person.siteId)?.name ?? person.siteId) : none}
      </Item>
      {has('placeOfOrigin') && <Item label={t('fields.placeOfOrigin')}>{person.placeOfOrigin ?? none}</Item>}
      {has('documents') && (
        <Item label={t('fields.documents')}>
          {person.documents?.length ? person.documents.map((d) => `${d.type} ${d.number}`).join(', ') : none}
        </Item>
      )}
      {has('needCategories') && (
        <Item label={t('fields.needCategories')}>
          <Group gap={4} component="span">
            {person.needCategories?.length
              ? person.needCategories.map((c) => (
                  <Badge key={c} variant="light" title={t(`needCategories.${c}`, { defaultValue: c })}>
                    {c}
                  </Badge>
                ))
              : none}
          </Group>
        </Item>
      )}
      {has('notes') && <Item label={t('fields.notes')}>{person.notes ?? none}</Item>}
      <Item label={t('fields.createdAt')}>{format(person.createdAt)}</Item>
      <Item label={t('fields.updatedAt')}>{format(person.updatedAt)}</Item>
    </SimpleGrid>
  );
}
