import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('nav.home')}>
      <Group gap={8} wrap="nowrap">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <Text fw={700} size="lg" visibleFrom="xs" span>
          {t('appName')}
        </Text>
      </Group>
    </Anchor>
  );
}
