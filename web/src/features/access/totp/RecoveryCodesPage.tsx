import { Button, CopyButton, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../../../app/PublicFrame';
import { ME_KEY } from '../../../app/session';
import { setPendingRecoveryCodes } from './pending-codes';

/** Shown once, right after enrolment; the codes are never shown again. */
export function RecoveryCodesPage({ codes, demo }: { codes: string[]; demo: boolean }) {
  const { t } = useTranslation('access');
  const queryClient = useQueryClient();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    setPendingRecoveryCodes(null);
  };
  return (
    <PublicFrame demo={demo}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('enrol.recoveryTitle')}
        </Title>
        <Text>{t('enrol.recoveryIntro')}</Text>
        <List
          aria-label={t('enrol.recoveryList')}
          data-testid="recovery-codes"
          ff="monospace"
          dir="ltr"
          spacing={4}
          listStyleType="none"
          ps={0}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('common:actions.copied') : t('enrol.copyAll')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={() => void done()}>{t('enrol.saved')}</Button>
      </Stack>
    </PublicFrame>
  );
}
