import { AppShell, Burger, Button, Group, ScrollArea } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { Icon } from './icons';
import { LanguageSelect } from './LanguageSelect';
import { NavLinks } from './NavLinks';
import { useSignedInMe, useSignOut } from './session';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header (name, language, account), navbar that collapses on phones. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the `sm` breakpoint the closed navbar slides off screen: keep it out of the tab order too.
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const me = useSignedInMe();
  const signOut = useSignOut();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('menu.toggle')}
            />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSelect />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" inert={isPhone && !opened}>
        <AppShell.Section grow component={ScrollArea}>
          <NavLinks onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section pt="sm">
          <Button
            variant="subtle"
            color="gray"
            fullWidth
            justify="flex-start"
            leftSection={<Icon name="logout" size={18} />}
            onClick={() => signOut.mutate()}
            loading={signOut.isPending}
          >
            {t('menu.signOut')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {me.demo && <DemoBanner />}
        <div style={{ maxWidth: 1200, marginInline: 'auto', paddingTop: 'var(--mantine-spacing-md)' }}>
          {children}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
