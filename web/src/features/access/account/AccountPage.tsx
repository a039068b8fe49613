import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../app/session';
import { DevicesCard } from '../../offline/DevicesCard';
import { SessionsCard } from './SessionsCard';
import { TokensCard } from './TokensCard';

export function AccountPage() {
  const { t } = useTranslation('access');
  const me = useSignedInMe();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Card withBorder component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" id="profile-title" mb="sm">
          {t('account.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Field label={t('users.name')}>{me.user.name}</Field>
          <Field label={t('users.email')}>
            <span dir="ltr">{me.user.email}</span>
          </Field>
          <Field label={t('account.organisation')}>{me.organisation.name}</Field>
          <Field label={t('account.roles')}>
            <Group gap={4}>
              {me.user.roles.map((role) => (
                <Badge key={role} variant="light" size="sm">
                  {t(`common:roles.${role}`)}
                </Badge>
              ))}
            </Group>
          </Field>
          <Field label={t('account.secondFactor')}>
            {me.user.totpEnabled ? t('account.secondFactorOn') : t('account.secondFactorOff')}
          </Field>
        </SimpleGrid>
      </Card>
      <SessionsCard />
      <DevicesCard hideWhenEmpty />
      <TokensCard />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}
