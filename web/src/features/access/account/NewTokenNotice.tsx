import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The token in clear, shown once after creation. */
export function NewTokenNotice({ token, onDismiss }: { token: string; onDismiss: () => void }) {
  const { t } = useTranslation('access');
  return (
    <Alert
      color="green"
      title={t('account.tokenValue')}
      withCloseButton
      onClose={onDismiss}
      closeButtonLabel={t('common:actions.close')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('account.tokenCreated')}</Text>
        <Code
          block
          dir="ltr"
          data-testid="new-token"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {token}
        </Code>
        <Group>
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('common:actions.copied') : t('common:actions.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
