import { Button, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/FormAlert';
import { ErrorState, PageLoader } from '../../app/states';
import { usePlanPlacement, useSiteOptions, useWaitingPeople } from './api';
import { personName } from './format';
import { PlanView } from './PlanView';
import type { Choices, PlanInput, WaitingPerson } from './types';

const CENTRE_KINDS = new Set(['reception_centre', 'orientation_centre']);

/** People at the site grouped as they travel: a household together, everyone else alone. */
function groupHouseholds(people: WaitingPerson[]): WaitingPerson[][] {
  const groups = new Map<string, WaitingPerson[]>();
  for (const person of people) {
    const key = person.householdId ?? person.id;
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return [...groups.values()];
}

/** Choose who to plan for, run the planner, then inspect, adjust and accept its proposal. */
export function PlannerPage() {
  const { t } = useTranslation('reception');
  const sites = useSiteOptions();
  const [siteId, setSiteId] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [request, setRequest] = useState<PlanInput | null>(null);
  const [choices, setChoices] = useState<Choices>({ pins: [], exclusions: [] });
  const plan = usePlanPlacement();
  const waiting = useWaitingPeople(siteId);
  const groups = useMemo(
    () => groupHouseholds((waiting.data?.items ?? []).filter((p) => p.status === 'active')),
    [waiting.data],
  );

  const run = (base: PlanInput, next: Choices) => {
    setRequest(base);
    setChoices(next);
    plan.mutate({ ...base, pins: next.pins, exclusions: next.exclusions });
  };
  const selectedIds = groups.filter((g) => selected.has(g[0]!.id)).flatMap((g) => g.map((p) => p.id));
  const origins = (sites.data ?? []).filter((s) => !CENTRE_KINDS.has(s.kind));

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {t('plan.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.intro')}
        </Text>
      </div>
      {sites.isError && <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />}
      <NativeSelect
        label={t('plan.site')}
        value={siteId}
        onChange={(e) => {
          setSiteId(e.currentTarget.value);
          setSelected(new Set());
          plan.reset();
        }}
        data={[
          { value: '', label: t('plan.chooseSite') },
          ...origins.map((s) => ({ value: s.id, label: s.name })),
        ]}
        maw={420}
      />
      {siteId && waiting.isPending && <PageLoader label={t('common:loading')} />}
      {waiting.isError && <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />}
      {siteId && waiting.isSuccess && groups.length === 0 && <Text>{t('plan.noneWaiting')}</Text>}
      {groups.length > 0 && (
        <Stack gap={6} data-testid="waiting-list">
          {waiting.data?.nextCursor && (
            <Text size="sm" c="dimmed">
              {t('plan.shown', { count: waiting.data.items.length })}
            </Text>
          )}
          {groups.map((group) => {
            const names = group.map(personName).join(', ');
            const key = group[0]!.id;
            return (
              <Checkbox
                key={key}
                label={`${names} — ${group.length > 1 ? t('plan.household', { count: group.length }) : t('plan.alone')}`}
                checked={selected.has(key)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.currentTarget.checked) next.add(key);
                  else next.delete(key);
                  setSelected(next);
                }}
              />
            );
          })}
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('plan.selected', { count: selected.size })}
          </Text>
        </Stack>
      )}
      {siteId && (
        <Group gap="sm" wrap="wrap">
          <Button
            disabled={selectedIds.length === 0}
            loading={plan.isPending}
            onClick={() => run({ personIds: selectedIds }, { pins: [], exclusions: [] })}
          >
            {t('plan.runSelected')}
          </Button>
          <Button
            variant="light"
            loading={plan.isPending}
            onClick={() => run({ siteId }, { pins: [], exclusions: [] })}
          >
            {t('plan.runAll')}
          </Button>
        </Group>
      )}
      <FormAlert error={plan.error} fields={[]} namespace="reception" />
      {plan.isSuccess && request && (
        <PlanView
          key={plan.data.id}
          plan={plan.data}
          choices={choices}
          replanning={plan.isPending}
          onReplan={(next) => run(request, next)}
        />
      )}
    </Stack>
  );
}
