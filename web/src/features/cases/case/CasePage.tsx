import { Alert, Anchor, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../app/states';
import { useCase } from '../api';
import type { CaseDetail } from '../types';
import { AssessmentsPanel } from './AssessmentsPanel';
import { CaseHeader } from './CaseHeader';
import { FilesPanel } from './FilesPanel';
import { PlanPanel } from './PlanPanel';
import { ReferralsPanel } from './ReferralsPanel';
import { TimelinePanel } from './TimelinePanel';
import { WorkflowBar } from './WorkflowBar';
import { WorkPanel } from './WorkPanel';

const TABS = ['timeline', 'assessments', 'plan', 'referrals', 'work', 'files'] as const;

/** /cases/:id — one case: who, where it stands, what is due, and its work in tabs. */
export function CasePage() {
  const { t } = useTranslation('cases');
  const { id = '' } = useParams();
  const detail = useCase(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        {t('nav.back')}
      </Anchor>
      {detail.isPending && <PageLoader label={t('common:loading')} />}
      {detail.isError && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isSuccess && <CaseView c={detail.data} />}
    </Stack>
  );
}

function CaseView({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const [search, setSearch] = useSearchParams();
  const current = TABS.find((tab) => tab === search.get('tab')) ?? 'timeline';
  return (
    <Stack gap="md">
      <CaseHeader c={c} />
      {c.access === 'restricted' && (
        <Alert color="gray" data-testid="case-restricted">
          {t('case.restricted')}
        </Alert>
      )}
      {!c.owner && c.access === 'full' && <Alert color="blue">{t('case.partner')}</Alert>}
      <WorkflowBar c={c} />
      <Tabs
        value={current}
        onChange={(tab) => setSearch(tab && tab !== 'timeline' ? { tab } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`case.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <TimelinePanel caseId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="assessments" pt="md">
          <AssessmentsPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <PlanPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralsPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="work" pt="md">
          <WorkPanel c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <FilesPanel c={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
