import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { Icon } from './icons';

/** Shown while a page's code or data loads; says so in words for slow connections. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm" ta="center">
          {label ?? t('loadingPage')}
        </Text>
      </Stack>
    </Center>
  );
}

/** What went wrong, in words a field worker can act on, with the next step. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  let title = t('states.serverTitle');
  let body = apiError?.requestId
    ? t('states.serverBody', { requestId: apiError.requestId })
    : t('states.serverBodyNoRef');
  if (!apiError || apiError.isNetwork) {
    title = t('states.networkTitle');
    body = t('states.networkBody');
  } else if (apiError.status === 403) {
    title = t('states.forbiddenTitle');
    body = t('states.forbiddenBody');
  } else if (apiError.status === 404) {
    title = t('states.notFoundTitle');
    body = t('states.notFoundBody');
  } else if (apiError.status === 429) {
    body = t('states.rateLimited');
  }
  return (
    <Alert color="red" title={title} icon={<Icon name="alert" />} role="alert" my="md">
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('states.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function NotFoundState() {
  const { t } = useTranslation();
  return <NoticeState title={t('states.notFoundTitle')} body={t('states.notFoundBody')} />;
}

export function ForbiddenState() {
  const { t } = useTranslation();
  return <NoticeState title={t('states.forbiddenTitle')} body={t('states.forbiddenBody')} />;
}

function NoticeState({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={title} icon={<Icon name="alert" />} my="md">
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        <Group>
          <Button component={Link} to="/" size="xs" variant="light" color="yellow">
            {t('states.goHome')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
