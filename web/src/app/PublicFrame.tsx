import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { LanguageSelect } from './LanguageSelect';

/** The frame of the pages shown before the app opens: sign-in and second-factor enrolment. */
export function PublicFrame({ children, demo = false }: { children: ReactNode; demo?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      {demo && <DemoBanner />}
      <Group justify="space-between" px="md" py="sm" wrap="nowrap" component="header">
        <Brand />
        <LanguageSelect />
      </Group>
      <Container size={480} px="md" py="lg" component="main">
        <Text c="dimmed" size="sm" mb="md" ta="center">
          {t('tagline')}
        </Text>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
