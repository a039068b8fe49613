import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { CodeSelect, Narrative, optional } from './fields';
import { INDICATOR_GROUPS } from './options';

const SOURCES = ['interview', 'observation', 'third_party'] as const;

/**
 * The trafficking indicators checklist, by ILO/IOM indicator group. What it can do is raise the
 * case's risk; the page says so, and never calls anyone a victim.
 */
export function TraffickingForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { assess } = useCaseActions(caseId);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [source, setSource] = useState<(typeof SOURCES)[number]>('interview');
  const [summary, setSummary] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assess.mutate(
      { kind: 'trafficking', answers: { indicators, source, summary: optional(summary) } },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessments.kinds.trafficking')}>
      <Stack gap="sm">
        <Alert color="blue">{t('assessments.trafficking.notALabel')}</Alert>
        <FormAlert error={assess.error} fields={[]} namespace="cases" />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {Object.entries(INDICATOR_GROUPS).map(([group, codes]) => (
            <Checkbox.Group
              key={group}
              label={t(`assessments.trafficking.groups.${group}`)}
              value={indicators.filter((i) => (codes as readonly string[]).includes(i))}
              onChange={(chosen) =>
                setIndicators([
                  ...indicators.filter((i) => !(codes as readonly string[]).includes(i)),
                  ...chosen,
                ])
              }
            >
              <Stack gap={4} mt={4}>
                {codes.map((code) => (
                  <Checkbox key={code} value={code} label={t(`assessments.trafficking.indicators.${code}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('assessments.trafficking.count', { count: indicators.length })}
        </Text>
        <CodeSelect
          label={t('assessments.trafficking.source')}
          prefix="assessments.sources"
          options={SOURCES}
          value={source}
          onChange={setSource}
        />
        <Narrative label={t('assessments.summary')} value={summary} onChange={setSummary} />
        <Group>
          <Button type="submit" loading={assess.isPending}>
            {t('assessments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
