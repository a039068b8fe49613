import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentBlock } from './types';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface Props {
  blocks: ContentBlock[];
  onChange: (blocks: ContentBlock[]) => void;
  lang: string;
  dir: 'ltr' | 'rtl';
  errors: Record<string, string>;
}

/**
 * Phone numbers, addresses with opening hours and "what to bring" lists, edited as fields rather
 * than Markdown, so that the public page can make numbers tappable and lists printable.
 */
export function BlocksEditor({ blocks, onChange, lang, dir, errors }: Props) {
  const { t } = useTranslation('information');
  const update = (index: number, block: ContentBlock) =>
    onChange(blocks.map((b, i) => (i === index ? block : b)));
  const text = { lang, dir };
  const err = (index: number, field: string) => errors[`blocks.${index}.${field}`];

  return (
    <Stack gap="sm">
      <Text fw={600}>{t('blocks.title')}</Text>
      {blocks.map((block, index) => (
        // Blocks have no id of their own; their position is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Card key={index} withBorder padding="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t(`blocks.${block.type}`)}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => onChange(blocks.filter((_, i) => i !== index))}
              >
                {t('blocks.remove')}
              </Button>
            </Group>
            {block.type === 'phone' && (
              <>
                <TextInput
                  label={t('blocks.label')}
                  {...text}
                  value={block.label}
                  error={err(index, 'label')}
                  onChange={(e) => update(index, { ...block, label: e.currentTarget.value })}
                />
                <TextInput
                  label={t('blocks.number')}
                  dir="ltr"
                  inputMode="tel"
                  value={block.number}
                  error={err(index, 'number')}
                  onChange={(e) => update(index, { ...block, number: e.currentTarget.value })}
                />
                <TextInput
                  label={t('blocks.hours')}
                  {...text}
                  value={block.hours ?? ''}
                  error={err(index, 'hours')}
                  onChange={(e) => update(index, { ...block, hours: e.currentTarget.value || undefined })}
                />
              </>
            )}
            {block.type === 'address' && (
              <>
                <TextInput
                  label={t('blocks.name')}
                  {...text}
                  value={block.name}
                  error={err(index, 'name')}
                  onChange={(e) => update(index, { ...block, name: e.currentTarget.value })}
                />
                <Textarea
                  label={t('blocks.lines')}
                  {...text}
                  autosize
                  minRows={2}
                  value={block.lines.join('\n')}
                  error={err(index, 'lines')}
                  onChange={(e) => update(index, { ...block, lines: lines(e.currentTarget.value) })}
                />
                <Textarea
                  label={t('blocks.openingHours')}
                  {...text}
                  autosize
                  minRows={2}
                  value={(block.openingHours ?? []).map((row) => `${row.days} | ${row.hours}`).join('\n')}
                  error={err(index, 'openingHours')}
                  onChange={(e) =>
                    update(index, {
                      ...block,
                      openingHours: lines(e.currentTarget.value).map((line) => {
                        const [days = '', hours = ''] = line.split('|').map((part) => part.trim());
                        return { days, hours };
                      }),
                    })
                  }
                />
              </>
            )}
            {block.type === 'checklist' && (
              <>
                <TextInput
                  label={t('blocks.listTitle')}
                  {...text}
                  value={block.title}
                  error={err(index, 'title')}
                  onChange={(e) => update(index, { ...block, title: e.currentTarget.value })}
                />
                <Textarea
                  label={t('blocks.items')}
                  {...text}
                  autosize
                  minRows={3}
                  value={block.items.join('\n')}
                  error={err(index, 'items')}
                  onChange={(e) => update(index, { ...block, items: lines(e.currentTarget.value) })}
                />
              </>
            )}
            {block.type !== 'checklist' && (
              <TextInput
                label={t('blocks.note')}
                {...text}
                value={block.note ?? ''}
                error={err(index, 'note')}
                onChange={(e) => update(index, { ...block, note: e.currentTarget.value || undefined })}
              />
            )}
          </Stack>
        </Card>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...blocks, { type: 'phone', label: '', number: '' }])}
        >
          {t('blocks.addPhone')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...blocks, { type: 'address', name: '', lines: [] }])}
        >
          {t('blocks.addAddress')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...blocks, { type: 'checklist', title: '', items: [] }])}
        >
          {t('blocks.addChecklist')}
        </Button>
      </Group>
    </Stack>
  );
}
