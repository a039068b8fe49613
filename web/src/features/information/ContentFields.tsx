import { Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BlocksEditor } from './BlocksEditor';
import { directionOf } from './languages';
import type { ContentBlock } from './types';

export interface Content {
  title: string;
  summary: string;
  body: string;
  blocks: ContentBlock[];
}

export const EMPTY_CONTENT: Content = { title: '', summary: '', body: '', blocks: [] };

/**
 * Mantine puts `dir` on an input's wrapper; the field itself gets it too, so that the browser's
 * own direction controls, screen readers and spell checkers treat the text as right to left.
 */
function withDirection(dir: 'ltr' | 'rtl') {
  return (element: HTMLInputElement | HTMLTextAreaElement | null) => element?.setAttribute('dir', dir);
}

/**
 * Title, summary, Markdown text and practical blocks of one language. Every field carries that
 * language's `lang` and `dir`, so Arabic, Pashto, Dari, Farsi, Sorani and Urdu are typed right to
 * left with the cursor and punctuation where the writer expects them.
 */
export function ContentFields({
  value,
  onChange,
  lang,
  errors,
}: {
  value: Content;
  onChange: (value: Content) => void;
  lang: string;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('information');
  const dir = directionOf(lang);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.title')}
        ref={withDirection(dir)}
        lang={lang}
        dir={dir}
        value={value.title}
        error={errors.title}
        onChange={(e) => onChange({ ...value, title: e.currentTarget.value })}
      />
      <Textarea
        label={t('fields.summary')}
        ref={withDirection(dir)}
        lang={lang}
        dir={dir}
        autosize
        minRows={2}
        value={value.summary}
        error={errors.summary}
        onChange={(e) => onChange({ ...value, summary: e.currentTarget.value })}
      />
      <Textarea
        label={t('fields.body')}
        ref={withDirection(dir)}
        description={t('fields.bodyHint')}
        lang={lang}
        dir={dir}
        autosize
        minRows={10}
        value={value.body}
        error={errors.body}
        onChange={(e) => onChange({ ...value, body: e.currentTarget.value })}
      />
      <BlocksEditor
        blocks={value.blocks}
        onChange={(blocks) => onChange({ ...value, blocks })}
        lang={lang}
        dir={dir}
        errors={errors}
      />
    </Stack>
  );
}
