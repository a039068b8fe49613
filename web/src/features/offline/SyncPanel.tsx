import { Alert, Badge, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format';
import { useOnline, useVault } from './hooks';
import { queuedChanges, unqueue } from './queue';
import { runSync, SyncFailure, type SyncProgress, type SyncReport } from './sync';
import type { DeviceMeta } from './types';

const noChanges: Awaited<ReturnType<typeof queuedChanges>> = [];

/** What is waiting, what failed and why, and the sync button with its progress. */
export function SyncPanel({ device, onSynced }: { device: DeviceMeta; onSynced?: () => void }) {
  const { t } = useTranslation('offline');
  const format = useFormatDateTime();
  const online = useOnline();
  const queue = useVault(queuedChanges, noChanges);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [failure, setFailure] = useState<SyncFailure | null>(null);
  const running = progress !== null;

  async function sync() {
    setFailure(null);
    setReport(null);
    setProgress({ sent: 0, total: queue.length });
    try {
      setReport(await runSync(setProgress));
      onSynced?.();
    } catch (error) {
      setFailure(error instanceof SyncFailure ? error : new SyncFailure('server', String(error)));
    } finally {
      setProgress(null);
    }
  }

  const waiting = queue.filter((item) => item.state !== 'rejected');
  const rejected = queue.filter((item) => item.state === 'rejected');
  return (
    <Card withBorder component="section" aria-labelledby="sync-title" data-testid="sync-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="sync-title">
            {t('sync.title')}
          </Title>
          <Badge color={online ? 'green' : 'gray'} variant="light" data-testid="connection">
            {online ? t('sync.online') : t('sync.offline')}
          </Badge>
        </Group>
        <Text size="sm" data-testid="sync-waiting">
          {t('sync.waiting', { count: waiting.length })}
        </Text>
        <Text size="sm" c="dimmed">
          {device.lastSyncAt ? t('sync.lastSync', { when: format(device.lastSyncAt) }) : t('sync.never')}{' '}
          {t('sync.wipeRule', { count: device.wipeAfterDays })}
        </Text>
        {waiting.length > 0 && (
          <List size="sm" spacing={4}>
            {waiting.map((item) => (
              <List.Item key={item.change.id}>
                {t(`kinds.${item.change.kind}`)} · {item.summary}
                {item.state === 'waiting' && ` — ${t('sync.stateWaiting')}`}
                {item.state === 'failed' && ` — ${t('sync.stateFailed', { reason: item.error ?? '' })}`}
              </List.Item>
            ))}
          </List>
        )}
        {running && (
          <Stack gap={4} role="status">
            <Progress value={progress.total ? (100 * progress.sent) / progress.total : 100} animated />
            <Text size="sm">{t('sync.progress', { sent: progress.sent, total: progress.total })}</Text>
          </Stack>
        )}
        {report && (
          <Alert
            color={report.failed || report.rejected ? 'yellow' : 'green'}
            role="status"
            data-testid="sync-report"
          >
            {t('sync.done', { ...report })}
            {report.conflicts > 0 && ` ${t('sync.conflictsFound', { count: report.conflicts })}`}
            {report.queuedForReview > 0 && ` ${t('sync.review', { count: report.queuedForReview })}`}
            {report.failed > 0 && ` ${t('sync.failedAdvice')}`}
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert" title={t('sync.failedTitle')} data-testid="sync-failure">
            {t(`problems.${failure.problem}`)}
          </Alert>
        )}
        {rejected.length > 0 && (
          <Alert color="orange" title={t('sync.rejectedTitle')}>
            <List size="sm" spacing={4}>
              {rejected.map((item) => (
                <List.Item key={item.change.id}>
                  {t(`kinds.${item.change.kind}`)} · {item.summary}: {item.error}{' '}
                  <Button size="compact-xs" variant="subtle" onClick={() => void unqueue(item.change.id)}>
                    {t('sync.discard')}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Button onClick={() => void sync()} loading={running} disabled={!online}>
          {t('sync.now')}
        </Button>
        {!online && (
          <Text size="sm" c="dimmed">
            {t('sync.offlineHint')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('sync.since', { when: format(device.registeredAt) })}
        </Text>
      </Stack>
    </Card>
  );
}
