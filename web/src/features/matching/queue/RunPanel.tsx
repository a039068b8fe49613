import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { matchingKeys, useLatestRun, useStartRun } from '../api';

/** The whole-registry check: its latest run, its progress while it runs, and "run now". */
export function RunPanel() {
  const { t } = useTranslation('matching');
  const format = useFormatDateTime();
  const queryClient = useQueryClient();
  const latest = useLatestRun(true);
  const start = useStartRun();
  const run = latest.data?.run ?? null;
  const active = run?.status === 'queued' || run?.status === 'running';

  // A run that just finished has changed the queue.
  const previous = useRef(run?.status);
  useEffect(() => {
    if (previous.current && previous.current !== 'done' && run?.status === 'done')
      void queryClient.invalidateQueries({ queryKey: matchingKeys.all });
    previous.current = run?.status;
  }, [run?.status, queryClient]);

  const progress = run?.progress;
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="run-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h5" id="run-title">
            {t('run.title')}
          </Title>
          <Button
            size="xs"
            variant="light"
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={active}
          >
            {t('run.start')}
          </Button>
        </Group>
        <Text size="sm" data-testid="run-status" aria-live="polite">
          {!run && t('run.never')}
          {run?.status === 'queued' && t('run.queued')}
          {run?.status === 'running' && t('run.running', { stage: progress?.stage ?? '' })}
          {run?.status === 'failed' && t('run.failed')}
          {run?.status === 'done' &&
            t('run.done', {
              when: format(run.finishedAt),
              people: run.result?.people ?? 0,
              proposed: run.result?.proposed ?? 0,
            })}
        </Text>
        {run?.status === 'running' && <Progress value={percent} aria-label={t('run.progress')} />}
        <FormAlert error={start.error} fields={[]} />
      </Stack>
    </Card>
  );
}
