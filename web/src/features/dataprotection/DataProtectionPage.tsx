import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AccessSection } from './AccessSection';
import { ConsentSection } from './ConsentSection';
import { ErasureSection } from './ErasureSection';
import { RetentionSection } from './RetentionSection';

const TABS = ['retention', 'erasure', 'access', 'consent'] as const;

/** /data-protection — the data protection officer's desk; the tab lives in the address. */
export function DataProtectionPage() {
  const { t } = useTranslation('dataprotection');
  const [search, setSearch] = useSearchParams();
  const current = TABS.find((tab) => tab === search.get('tab')) ?? 'retention';
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
        onChange={(tab) => setSearch(tab && tab !== 'retention' ? { tab } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="retention" pt="md">
          <RetentionSection />
        </Tabs.Panel>
        <Tabs.Panel value="erasure" pt="md">
          <ErasureSection />
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="md">
          <AccessSection />
        </Tabs.Panel>
        <Tabs.Panel value="consent" pt="md">
          <ConsentSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
