import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isLocale, LANGUAGES } from '../i18n/languages';
import { Icon } from './icons';
import { useChangeLocale } from './locale';

const options = LANGUAGES.map((language) => ({ value: language.code, label: language.name }));

/** On every page, signed in or not. Its name keeps the English word "Language" in every language. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <Select
      aria-label={t('language')}
      title={t('language')}
      data={options}
      value={i18n.language}
      allowDeselect={false}
      withCheckIcon={false}
      size="sm"
      w={140}
      leftSection={<Icon name="language" size={16} />}
      comboboxProps={{ withinPortal: true, width: 160 }}
      renderOption={({ option }) => <span lang={option.value}>{option.label}</span>}
      onChange={(value) => {
        if (!isLocale(value)) return;
        changeLocale(value).catch(() => {
          notifications.show({ color: 'red', message: t('states.networkBody') });
        });
      }}
    />
  );
}
