import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FAILED_UNLOCKS, unlock } from './vault';

/** Opens the offline store with the device PIN. */
export function UnlockCard() {
  const { t } = useTranslation('offline');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await unlock(pin).catch(() => 'wrong_pin' as const);
    setBusy(false);
    if (result === 'wrong_pin') setError(t('unlock.wrongPin', { count: MAX_FAILED_UNLOCKS }));
    setPin('');
  }

  return (
    <Card withBorder component="section" aria-labelledby="offline-unlock-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="offline-unlock-title">
            {t('unlock.title')}
          </Title>
          <Text size="sm">{t('unlock.intro')}</Text>
          <PasswordInput
            label={t('unlock.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={error}
            inputMode="numeric"
            autoComplete="current-password"
          />
          {error && (
            <Alert color="yellow" role="status">
              {t('unlock.warning', { count: MAX_FAILED_UNLOCKS })}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('unlock.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
