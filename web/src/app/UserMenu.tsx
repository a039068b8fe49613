import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from './icons';
import { useSignedInMe, useSignOut } from './session';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t('menu.account')} title={me.user.name}>
          <Avatar color="passerelle" radius="xl" size={34}>
            {initials(me.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('menu.signedInAs', { email: me.user.email })}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<Icon name="account" size={16} />}>
          {t('menu.myAccount')}
        </Menu.Item>
        <Menu.Item
          leftSection={<Icon name="logout" size={16} />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('menu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
