import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { DEVICES_KEY } from './DevicesCard';
import { prepareDevice } from './device';
import { runSync } from './sync';
import { MIN_PIN_LENGTH, unlock } from './vault';

/** Prepares this browser for offline work: registers the device and seals the store with a PIN. */
export function SetupCard({ userId, wiped }: { userId: string; wiped: 'expired' | 'revoked' | null }) {
  const { t } = useTranslation('offline');
  const queryClient = useQueryClient();
  const [name, setName] = useState(t('setup.defaultName'));
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('errors.required');
    if (!/^\d+$/.test(pin) || pin.length < MIN_PIN_LENGTH)
      next.pin = t('setup.pinRule', { count: MIN_PIN_LENGTH });
    if (confirm !== pin) next.confirm = t('setup.pinMismatch');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await prepareDevice({ name: name.trim(), pin, userId });
      await unlock(pin);
      // A first sync learns what this user may do offline and brings the people already marked.
      await runSync(() => undefined).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.isNetwork ? t('errors.needConnection') : t('errors.generic'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="offline-setup-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="offline-setup-title">
            {t('setup.title')}
          </Title>
          {wiped && (
            <Alert color="yellow" title={t('wiped.title')}>
              {t(`wiped.${wiped}`)}
            </Alert>
          )}
          <Text size="sm">{t('setup.intro')}</Text>
          <TextInput
            label={t('setup.deviceName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={80}
          />
          <PasswordInput
            label={t('setup.pin')}
            description={t('setup.pinRule', { count: MIN_PIN_LENGTH })}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={errors.pin}
            inputMode="numeric"
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('setup.pinConfirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            inputMode="numeric"
            autoComplete="new-password"
          />
          {failure && <Alert color="red">{failure}</Alert>}
          <Button type="submit" loading={busy}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
