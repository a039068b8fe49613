import { Button, Center, Code, CopyButton, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { fieldErrors } from '../../../api/form-errors';
import type { TotpConfirmation, TotpEnrolment } from '../../../api/types';
import { FormAlert } from '../../../app/FormAlert';
import { PublicFrame } from '../../../app/PublicFrame';
import { useSignedInMe, useSignOut } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { setPendingRecoveryCodes } from './pending-codes';
import { svgDataUrl } from './qr';

/**
 * Second-factor enrolment. The secret is requested once per visit (a query, so React's double
 * effects in development do not issue two secrets); confirming shows the recovery codes.
 */
export function TotpEnrolPage() {
  const { t } = useTranslation('access');
  const me = useSignedInMe();
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  const enrolment = useQuery({
    queryKey: ['access', 'totp-enrolment', me.user.id],
    queryFn: () => api.post<TotpEnrolment>('/api/auth/totp/enrol'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (value: string) => api.post<TotpConfirmation>('/api/auth/totp/confirm', { code: value }),
    onSuccess: (result) => setPendingRecoveryCodes(result.recoveryCodes),
    onError: () => setCode(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code);
  };

  let body: ReactNode;
  if (enrolment.isPending) body = <PageLoader label={t('enrol.loadingSecret')} />;
  else if (enrolment.isError)
    body = <ErrorState error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  else {
    const { secret, qrSvg } = enrolment.data;
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600}>{t('enrol.scan')}</Text>
          <Center>
            <Image src={svgDataUrl(qrSvg)} alt={t('enrol.qrAlt')} w={220} h={220} bg="white" p={4} />
          </Center>
          <Text size="sm">{t('enrol.manual')}</Text>
          <Group gap="xs" wrap="nowrap" dir="ltr">
            <Code data-testid="totp-secret" fz="sm" style={{ wordBreak: 'break-all', userSelect: 'all' }}>
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy}>
                  {copied ? t('common:actions.copied') : t('common:actions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text fw={600}>{t('enrol.enterCode')}</Text>
          <FormAlert error={confirm.error} fields={['code']} namespace="access" />
          <TextInput
            label={t('enrol.code')}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            error={fieldErrors(confirm.error).code}
            dir="ltr"
          />
          <Button type="submit" loading={confirm.isPending}>
            {t('enrol.confirm')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicFrame demo={me.demo}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('enrol.title')}
        </Title>
        <Text>{t('enrol.intro')}</Text>
        {body}
        <Button variant="subtle" color="gray" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('enrol.signOut')}
        </Button>
      </Stack>
    </PublicFrame>
  );
}
