import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { useAvailability } from './api';
import { CapacityDialog } from './CapacityDialog';
import { occupancyColour, occupancyOf, useCategoryLabel, useFormatCount, useFormatPercent } from './format';
import type { Availability, Centre } from './types';

const FIGURES = ['free', 'occupied', 'reserved', 'blocked', 'capacity'] as const;

/** Live places: centres × categories, coloured by how full they are, with totals per region. */
export function CapacityBoard() {
  const { t } = useTranslation('reception');
  const availability = useAvailability();
  const canManage = usePermissions().has('reception.manage');
  const [editing, setEditing] = useState<Centre | null>(null);
  if (availability.isPending) return <PageLoader label={t('common:loading')} />;
  if (availability.isError)
    return <ErrorState error={availability.error} onRetry={() => void availability.refetch()} />;
  const { centres } = availability.data;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('board.title')}
      </Title>
      <Totals data={availability.data} />
      {centres.length === 0 && <Text>{t('board.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {centres.map((centre) => (
          <CentreCard
            key={centre.siteId}
            centre={centre}
            onEdit={canManage ? () => setEditing(centre) : undefined}
          />
        ))}
      </SimpleGrid>
      {editing && <CapacityDialog centre={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Totals({ data }: { data: Availability }) {
  const { t } = useTranslation('reception');
  const count = useFormatCount();
  const rows = [
    { key: 'all', label: t('board.totals'), totals: data.totals },
    ...data.regions.map((r) => ({
      key: r.region ?? '',
      label: r.region ?? t('board.noRegion'),
      totals: r.totals,
    })),
  ];
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} data-testid="reception-totals" aria-label={t('board.regions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.regions')}</Table.Th>
            {FIGURES.map((f) => (
              <Table.Th key={f} ta="end">
                {t(`figures.${f}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} fw={row.key === 'all' ? 600 : undefined}>
              <Table.Td>{row.label}</Table.Td>
              {FIGURES.map((f) => (
                <Table.Td key={f} ta="end" data-figure={f}>
                  {count(row.totals[f])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CentreCard({ centre, onEdit }: { centre: Centre; onEdit?: () => void }) {
  const { t } = useTranslation('reception');
  const count = useFormatCount();
  const percent = useFormatPercent();
  const category = useCategoryLabel();
  const share = occupancyOf(centre.totals);
  const services = [
    centre.services.medicalCare && t('board.medicalCare'),
    centre.services.childProtection && t('board.childProtection'),
    centre.services.accessible && t('board.accessible'),
  ].filter((s): s is string => Boolean(s));
  return (
    <Card withBorder padding="sm" data-testid="centre-card" aria-label={centre.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{centre.name}</Text>
            <Text size="sm" c="dimmed">
              {centre.region ?? t('board.noRegion')}
            </Text>
          </div>
          <Badge color={occupancyColour(share)} variant="light">
            {t('board.occupancy', { percent: percent(share) })}
          </Badge>
        </Group>
        {centre.categories.length === 0 ? (
          <Text size="sm">{t('board.noPlaces')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('board.colCategory')}</Table.Th>
                  {FIGURES.map((f) => (
                    <Table.Th key={f} ta="end">
                      {t(`figures.${f}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {centre.categories.map((c) => (
                  <Table.Tr key={c.category} data-category={c.category}>
                    <Table.Td>
                      {category(c.category)}
                      <Progress
                        value={occupancyOf(c) * 100}
                        color={occupancyColour(occupancyOf(c))}
                        size="xs"
                        aria-hidden
                      />
                    </Table.Td>
                    {FIGURES.map((f) => (
                      <Table.Td key={f} ta="end" data-figure={f}>
                        {count(c[f])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {[
            ...services,
            t('board.languages', { languages: centre.services.languages.join(', ') || '—' }),
          ].join(' · ')}
        </Text>
        {onEdit && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={onEdit}
              aria-label={t('board.editOf', { name: centre.name })}
            >
              {t('board.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
