import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { usePermissions } from '../../app/session';
import { NotFoundState } from '../../app/states';
import { CounsellingPage } from './CounsellingPage';
import { NewArticleForm } from './NewArticleForm';
import { StatusBoard } from './StatusBoard';
import { TranslationEditor } from './TranslationEditor';

const TABS = [
  { value: 'board', path: '/information', permission: 'information.manage' },
  { value: 'create', path: '/information/new', permission: 'information.manage' },
  { value: 'counselling', path: '/information/counselling', permission: 'counselling.write' },
] as const;

/** The information module: status board, article editor, counselling. Tabs follow the server's permissions. */
export function InformationPage() {
  const { t } = useTranslation('information');
  const permissions = usePermissions();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tabs = TABS.filter((tab) => permissions.has(tab.permission));
  const active = [...tabs]
    .reverse()
    .find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text c="dimmed">{t('intro')}</Text>
        </div>
        <Anchor href="/info" target="_blank" rel="noopener">
          {t('publicSite')}
        </Anchor>
      </Group>
      <Tabs
        value={active?.value ?? null}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate.value === value);
          if (tab) void navigate(tab.path);
        }}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {t(`tabs.${tab.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<StatusBoard />} />
        <Route path="new" element={<NewArticleForm />} />
        <Route path="articles/:id/:lang" element={<TranslationEditor />} />
        <Route path="counselling" element={<CounsellingPage />} />
        <Route path="*" element={<NotFoundState />} />
      </Routes>
    </Stack>
  );
}
