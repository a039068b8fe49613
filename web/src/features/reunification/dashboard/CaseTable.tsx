import { Anchor, Card, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Countdown, useLegalDate } from '../Countdown';
import { type CaseSummary, nameOf } from '../types';

function NearestDeadline({ c }: { c: CaseSummary }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  if (!c.nearestDeadline) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`rules.${c.nearestDeadline.rule}`)}</Text>
      <Text size="xs" c="dimmed">
        {t('deadline.dueOn', { date: formatDate(c.nearestDeadline.dueOn) })}
      </Text>
      <Countdown deadline={c.nearestDeadline} />
    </Stack>
  );
}

function Basis({ c }: { c: CaseSummary }) {
  const { t } = useTranslation('reunification');
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`bases.${c.legalBasis}`)}</Text>
      <Text size="xs" c="dimmed">
        {c.relativeCountries.join(', ')}
      </Text>
    </Stack>
  );
}

const caseLink = (c: CaseSummary) => (
  <Anchor component={Link} to={`/reunification/cases/${c.id}`} dir="auto">
    {nameOf({ ...c.person })}
  </Anchor>
);

/**
 * Cases with their stage, legal basis and nearest deadline: a table on wider screens, a list on a
 * phone (so the countdown is never scrolled out of sight).
 */
export function CaseTable({ title, items, testId }: { title: string; items: CaseSummary[]; testId: string }) {
  const { t } = useTranslation('reunification');
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Card withBorder component="section" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {items.length === 0 && <Text c="dimmed">{t('dashboard.noCases')}</Text>}
      {items.length > 0 && isPhone && (
        <Stack gap="sm">
          {items.map((c, i) => (
            <Fragment key={c.id}>
              {i > 0 && <Divider />}
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap">
                  {caseLink(c)}
                  <Text size="sm">{t(`stages.${c.stage}`)}</Text>
                </Group>
                <Basis c={c} />
                <NearestDeadline c={c} />
              </Stack>
            </Fragment>
          ))}
        </Stack>
      )}
      {items.length > 0 && !isPhone && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.person')}</Table.Th>
              <Table.Th>{t('dashboard.stage')}</Table.Th>
              <Table.Th>{t('dashboard.basis')}</Table.Th>
              <Table.Th>{t('dashboard.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{caseLink(c)}</Table.Td>
                <Table.Td>{t(`stages.${c.stage}`)}</Table.Td>
                <Table.Td>
                  <Basis c={c} />
                </Table.Td>
                <Table.Td>
                  <NearestDeadline c={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
