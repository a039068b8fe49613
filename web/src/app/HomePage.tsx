import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertInbox } from '../features/cases/inbox/AlertInbox';
import { Icon } from './icons';
import { visibleEntries } from './navigation';
import { usePermissions, useSignedInMe } from './session';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const entries = visibleEntries(usePermissions());
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.welcome', { name: me.user.name })}
        </Title>
        <Text c="dimmed">{t('tagline')}</Text>
      </div>
      <Card withBorder>
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600}>{t('home.organisation')}:</Text>
            <Text data-testid="home-organisation">{me.organisation.name}</Text>
            <Badge variant="light" color="gray">
              {t(`orgKinds.${me.organisation.kind}`, { defaultValue: me.organisation.kind })}
            </Badge>
          </Group>
          <Group gap="xs">
            <Text fw={600}>{t('home.roles')}:</Text>
            {me.user.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
      <AlertInbox />
      <Title order={2} size="h3">
        {t('home.modules')}
      </Title>
      {entries.length === 0 ? (
        <Text>{t('home.noModules')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {entries.map((entry) => (
            <Card key={entry.id} withBorder component={Link} to={entry.path} padding="md">
              <Group gap="sm" wrap="nowrap">
                <Icon name={entry.icon} size={24} />
                <Text fw={600}>{t(entry.label)}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
