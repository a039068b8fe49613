import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { useConsentOverview } from './api';

/** Consent by purpose and legal basis, the latest withdrawals, and open work a withdrawal should stop. */
export function ConsentSection() {
  const { t } = useTranslation('dataprotection');
  const overview = useConsentOverview();
  if (overview.isPending) return <PageLoader label={t('common:loading')} />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  return (
    <Stack gap="lg">
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="consent-overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consent.purpose')}</Table.Th>
              <Table.Th>{t('consent.current')}</Table.Th>
              <Table.Th>{t('consent.withdrawn')}</Table.Th>
              <Table.Th>{t('consent.byBasis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.purposes.map((p) => (
              <Table.Tr key={p.purpose}>
                <Table.Td>{t(`people:purposes.${p.purpose}`, p.purpose)}</Table.Td>
                <Table.Td>{p.current}</Table.Td>
                <Table.Td>{p.withdrawn}</Table.Td>
                <Table.Td>
                  {Object.entries(p.byBasis)
                    .map(([basis, n]) => `${t(`people:bases.${basis}`, basis)}: ${n}`)
                    .join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text>{t('consent.openReferrals', { count: data.openReferralsWithoutConsent })}</Text>
      <Text>{t('consent.openTracing', { count: data.openTracingWithoutConsent })}</Text>
      <Title order={2} size="h3">
        {t('consent.recent')}
      </Title>
      {data.recentWithdrawals.length === 0 ? (
        <Text>{t('consent.none')}</Text>
      ) : (
        <List>
          {data.recentWithdrawals.map((w) => (
            <List.Item key={`${w.personId}-${w.purpose}`}>
              <Anchor component={Link} to={`/people/${encodeURIComponent(w.personId)}`} dir="ltr">
                {w.personCode}
              </Anchor>{' '}
              — {t(`people:purposes.${w.purpose}`, w.purpose)} ({w.withdrawnAt.slice(0, 10)})
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
