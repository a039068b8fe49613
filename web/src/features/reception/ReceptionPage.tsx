import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { usePermissions } from '../../app/session';
import { CapacityBoard } from './CapacityBoard';
import { PassengerList } from './PassengerList';
import { PlannerPage } from './PlannerPage';
import { RelocationsPage } from './RelocationsPage';
import { ReturnsPage } from './ReturnsPage';

const TABS = [
  { id: 'board', path: '' },
  { id: 'plan', path: 'plan', permission: 'reception.manage' },
  { id: 'relocations', path: 'relocations' },
  { id: 'returns', path: 'returns' },
] as const;

/** /reception: places; /reception/plan; /reception/relocations; /reception/returns. */
export function ReceptionPage() {
  const { t } = useTranslation('reception');
  const permissions = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current =
    TABS.find((tab) => tab.path && pathname.startsWith(`/reception/${tab.path}`))?.id ?? 'board';
  const tabs = TABS.filter((tab) => !('permission' in tab) || permissions.has(tab.permission));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <Tabs
        value={current}
        onChange={(id) => {
          const tab = TABS.find((x) => x.id === id);
          if (tab) navigate(`/reception${tab.path ? `/${tab.path}` : ''}`);
        }}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.id} value={tab.id}>
              {t(`tabs.${tab.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<CapacityBoard />} />
        <Route path="plan" element={<PlannerPage />} />
        <Route path="relocations" element={<RelocationsPage />} />
        <Route path="convoys/:id" element={<PassengerList />} />
        <Route path="returns" element={<ReturnsPage />} />
      </Routes>
    </Stack>
  );
}
