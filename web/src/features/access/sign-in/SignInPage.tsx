import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { fieldErrors } from '../../../api/form-errors';
import type { LoginInput } from '../../../api/types';
import { FormAlert } from '../../../app/FormAlert';
import { PublicFrame } from '../../../app/PublicFrame';
import { useSignIn } from '../../../app/session';

type Step = 'password' | 'totp' | 'recovery';

/**
 * Email and password first; when the server answers `totp_required`, the same form asks for the
 * authenticator code (or a recovery code) and sends everything again.
 */
export function SignInPage() {
  const { t } = useTranslation('access');
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [error, setError] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input: LoginInput = { email, password };
    if (step === 'totp') input.totp = code.replace(/\s/g, '');
    if (step === 'recovery') input.recoveryCode = code.trim();
    signIn.mutate(input, {
      onError: (failure) => {
        if (failure instanceof ApiError && failure.code === 'totp_required') {
          setStep((current) => (current === 'password' ? 'totp' : current));
          if (step !== 'password') setError(failure);
          return;
        }
        setError(failure);
        setCode('');
      },
    });
  };

  const switchTo = (next: Step) => {
    setStep(next);
    setCode('');
    setError(null);
  };

  const fields = fieldErrors(error);
  const isCodeStep = step !== 'password';
  return (
    <PublicFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <FormAlert
            error={error}
            fields={['email', 'password', 'totp', 'recoveryCode']}
            namespace="access"
            testId="sign-in-error"
          />
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
            dir="ltr"
            autoFocus
          />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
            visibilityToggleButtonProps={{ 'aria-label': t('showTyped') }}
          />
          {isCodeStep && <Text size="sm">{t('signIn.totpAsked')}</Text>}
          {step === 'totp' && (
            <TextInput
              key="totp"
              label={t('signIn.totp')}
              description={t('signIn.totpHint')}
              name="totp"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              error={fields.totp}
              dir="ltr"
              autoFocus
            />
          )}
          {step === 'recovery' && (
            <TextInput
              key="recovery"
              label={t('signIn.recovery')}
              description={t('signIn.recoveryHint')}
              name="recoveryCode"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fields.recoveryCode}
              dir="ltr"
              autoFocus
            />
          )}
          {isCodeStep && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => switchTo(step === 'totp' ? 'recovery' : 'totp')}
            >
              {step === 'totp' ? t('signIn.useRecovery') : t('signIn.useTotp')}
            </Anchor>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('signIn.help')}
          </Text>
        </Stack>
      </form>
    </PublicFrame>
  );
}
