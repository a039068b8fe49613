import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from './icons';
import { NAV_GROUPS, visibleEntries } from './navigation';
import { usePermissions } from './session';

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entries = visibleEntries(usePermissions());
  const isActive = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return (
    <Stack gap={4} component="nav" aria-label={t('nav.label')}>
      <NavLink
        component={Link}
        to="/"
        label={t('nav.home')}
        leftSection={<Icon name="home" />}
        active={pathname === '/'}
        onClick={onNavigate}
      />
      {NAV_GROUPS.map((group) => {
        const inGroup = entries.filter((entry) => entry.group === group);
        if (inGroup.length === 0) return null;
        return (
          <Stack key={group} gap={2} mt="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm">
              {t(`navGroups.${group}`)}
            </Text>
            {inGroup.map((entry) => (
              <NavLink
                key={entry.id}
                component={Link}
                to={entry.path}
                label={t(entry.label)}
                leftSection={<Icon name={entry.icon} />}
                active={isActive(entry.path)}
                onClick={onNavigate}
              />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
