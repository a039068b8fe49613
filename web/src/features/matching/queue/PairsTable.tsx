import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDateTime } from '../../../i18n/format';
import { usePercent } from '../format';
import { BAND_COLOURS, type Pair } from '../types';

function Code({ side }: { side: Pair['older'] }) {
  const { t } = useTranslation('matching');
  if (!side.visible || !side.code)
    return (
      <Text size="sm" c="dimmed">
        {t('queue.hiddenRecord')}
      </Text>
    );
  return (
    <Text ff="monospace" dir="ltr" size="sm" component="span">
      {side.code}
    </Text>
  );
}

/** Pairs, most likely first; each row opens the side-by-side comparison. */
export function PairsTable({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation('matching');
  const percent = usePercent();
  const format = useFormatDateTime();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="pairs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.likelihood')}</Table.Th>
            <Table.Th>{t('queue.older')}</Table.Th>
            <Table.Th>{t('queue.newer')}</Table.Th>
            <Table.Th>{t('compare.fields.createdAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((pair) => (
            <Table.Tr key={pair.id} data-testid="pair-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge color={BAND_COLOURS[pair.band]} variant="light">
                    {t(`bands.${pair.band}`)}
                  </Badge>
                  <Text size="sm">{percent(pair.score)}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Code side={pair.older} />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Code side={pair.newer} />
                  {pair.crossOrganisation && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('queue.crossOrganisation')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{format(pair.decidedAt ?? pair.foundAt, 'date')}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/matching/pairs/${encodeURIComponent(pair.id)}`}>
                  {t('actions.review')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
