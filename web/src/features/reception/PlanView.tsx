import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../app/FormAlert';
import { useAcceptPlan } from './api';
import { personName, useCategoryLabel, useFormatCount, useFormatPercent } from './format';
import type { Choices, Plan, Proposal } from './types';

interface Props {
  plan: Plan;
  choices: Choices;
  replanning: boolean;
  onReplan: (next: Choices) => void;
}

/** A reason code in the coordinator's words ("no_family_places" names the category). */
export function useReasonLabel() {
  const { t } = useTranslation('reception');
  const category = useCategoryLabel();
  return (code: string, people?: number) => {
    const missing = /^no_(.+)_places$/.exec(code);
    if (missing) return t('reasons.no_places', { category: category(missing[1]!) });
    return t(`reasons.${code}`, { people, defaultValue: code.replaceAll('_', ' ') });
  };
}

/** The proposal with its reasons: keep or drop each line, pin or exclude, then accept. */
export function PlanView({ plan, choices, replanning, onReplan }: Props) {
  const { t } = useTranslation('reception');
  const count = useFormatCount();
  const percent = useFormatPercent();
  const category = useCategoryLabel();
  const reason = useReasonLabel();
  const accept = useAcceptPlan(plan.id);
  const [included, setIncluded] = useState(() => new Set(plan.proposals.map((p) => p.key)));
  const [next, setNext] = useState<Choices>(choices);
  const s = plan.solution;
  const first = (p: { people: Array<{ id: string }> }) => p.people[0]!.id;
  const isPinned = (p: Proposal) => next.pins.some((x) => x.personId === first(p) && x.siteId === p.toSiteId);
  const pin = (p: Proposal) =>
    setNext({
      ...next,
      pins: [...next.pins.filter((x) => x.personId !== first(p)), { personId: first(p), siteId: p.toSiteId }],
    });
  const exclude = (p: Proposal) =>
    setNext({
      pins: next.pins.filter((x) => x.personId !== first(p)),
      exclusions: [...next.exclusions, { personId: first(p), siteId: p.toSiteId }],
    });
  const changed =
    next.pins.length !== choices.pins.length || next.exclusions.length !== choices.exclusions.length;
  const done = accept.isSuccess || plan.status === 'accepted';

  return (
    <Card withBorder padding="md" data-testid="plan-result">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('result.title')}
        </Title>
        <Text size="sm" data-testid="plan-summary">
          {t('result.summary', {
            placed: count(s.placedPeople),
            people: count(s.people),
            seconds: count(s.seconds),
            method: s.method,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('result.objective', {
            objective: count(s.objective),
            bound: count(s.upperBound),
            gap: percent(s.gap),
          })}{' '}
          {t('result.greedy', { greedy: count(s.greedyObjective) })}
        </Text>
        {s.limitHit && <Alert color="orange">{t('result.limit', { message: s.limitMessage ?? '' })}</Alert>}
        {plan.proposals.length === 0 && <Text>{t('result.noProposal')}</Text>}
        {plan.proposals.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="plan-proposals">
            {plan.proposals.map((p) => (
              <Card key={p.key} withBorder padding="sm" data-testid="proposal">
                <Stack gap={6}>
                  <Checkbox
                    label={t('result.include', { names: p.people.map(personName).join(', ') })}
                    checked={included.has(p.key)}
                    disabled={done}
                    onChange={(e) => {
                      const set = new Set(included);
                      if (e.currentTarget.checked) set.add(p.key);
                      else set.delete(p.key);
                      setIncluded(set);
                    }}
                  />
                  <Text size="sm">
                    <Text span fw={600}>
                      {p.toSiteName}
                    </Text>
                    {p.region ? ` · ${p.region}` : ''} · {category(p.category)}
                  </Text>
                  <List size="xs" spacing={2} aria-label={t('result.colReasons')}>
                    {p.reasons.map((r) => (
                      <List.Item key={r.code}>
                        {reason(r.code, r.people)}
                        {r.detail && r.code !== 'keeps_household_together' ? ` — ${r.detail}` : ''}
                      </List.Item>
                    ))}
                  </List>
                  {!done && (
                    <Group gap={4} wrap="wrap">
                      {isPinned(p) ? (
                        <Badge variant="light">{t('result.pinned')}</Badge>
                      ) : (
                        <Button size="compact-xs" variant="default" onClick={() => pin(p)}>
                          {t('result.pin')}
                        </Button>
                      )}
                      <Button size="compact-xs" variant="default" color="red" onClick={() => exclude(p)}>
                        {t('result.exclude')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
        {plan.unassigned.length > 0 && (
          <Stack gap={4} data-testid="plan-unassigned">
            <Text fw={600}>{t('result.unassigned')}</Text>
            {plan.unassigned.map((u) => (
              <Text key={u.key} size="sm">
                {u.people.map(personName).join(', ')} ({category(u.category)}):{' '}
                {u.reasons.map((r) => reason(r)).join('; ')}
              </Text>
            ))}
          </Stack>
        )}
        {next.exclusions.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('result.excluded', { count: next.exclusions.length })}
          </Text>
        )}
        <FormAlert error={accept.error} fields={[]} namespace="reception" />
        {done ? (
          <Alert color="green" data-testid="plan-accepted">
            <Stack gap={4}>
              <Text size="sm">
                {accept.data
                  ? t('result.accepted', { count: accept.data.relocationIds.length })
                  : t('result.alreadyAccepted')}
              </Text>
              <Anchor component={Link} to="/reception/relocations" size="sm">
                {t('result.openRelocations')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <Group gap="sm" wrap="wrap">
            <Button
              disabled={included.size === 0}
              loading={accept.isPending}
              onClick={() => accept.mutate({ keys: [...included] })}
            >
              {t('result.accept', { count: included.size })}
            </Button>
            <Button variant="light" disabled={!changed} loading={replanning} onClick={() => onReplan(next)}>
              {t('plan.replan')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
