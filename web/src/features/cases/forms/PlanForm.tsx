import { ActionIcon, Button, Card, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { Narrative, optional } from './fields';

const WHO = ['caseworker', 'person', 'other'] as const;
type Draft = { key: number; what: string; who: (typeof WHO)[number]; whoLabel: string; byWhen: string };
// Stable React keys for action rows that are added and removed (an index would reuse a removed row's state).
let nextKey = 0;
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const blank = (): Draft => ({ key: nextKey++, what: '', who: 'caseworker', whoLabel: '', byWhen: inAWeek() });

/** A case plan: its goals and actions, each with who does what by when. */
export function PlanForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { plan } = useCaseActions(caseId);
  const [goals, setGoals] = useState('');
  const [actions, setActions] = useState<Draft[]>([blank()]);
  const errors = fieldErrors(plan.error);
  const change = (index: number, patch: Partial<Draft>) =>
    setActions(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate(
      {
        goals,
        actions: actions.map((a) => ({
          what: a.what,
          who: a.who,
          byWhen: a.byWhen,
          ...(a.who === 'other' ? { whoLabel: optional(a.whoLabel) } : {}),
        })),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('plan.formTitle')}>
      <Stack gap="sm">
        <FormAlert error={plan.error} fields={['goals']} namespace="cases" />
        <Narrative label={t('plan.goals')} value={goals} onChange={setGoals} error={errors.goals} />
        {actions.map((action, index) => (
          <Card key={action.key} withBorder padding="xs">
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('plan.what')}
                value={action.what}
                onChange={(e) => change(index, { what: e.currentTarget.value })}
                error={errors[`actions.${index}.what`]}
                style={{ flex: 2, minWidth: 220 }}
              />
              <NativeSelect
                label={t('plan.who')}
                value={action.who}
                onChange={(e) => change(index, { who: e.currentTarget.value as Draft['who'] })}
                data={WHO.map((w) => ({ value: w, label: t(`plan.whoOptions.${w}`) }))}
              />
              {action.who === 'other' && (
                <TextInput
                  label={t('plan.whoLabel')}
                  value={action.whoLabel}
                  onChange={(e) => change(index, { whoLabel: e.currentTarget.value })}
                  error={errors[`actions.${index}.whoLabel`]}
                />
              )}
              <TextInput
                type="date"
                label={t('plan.byWhen')}
                value={action.byWhen}
                onChange={(e) => change(index, { byWhen: e.currentTarget.value })}
                error={errors[`actions.${index}.byWhen`]}
              />
              {actions.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('plan.removeAction')}
                  onClick={() => setActions(actions.filter((_, i) => i !== index))}
                  mb={4}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          </Card>
        ))}
        <Group>
          <Button variant="default" onClick={() => setActions([...actions, blank()])}>
            {t('plan.addAction')}
          </Button>
          <Button type="submit" loading={plan.isPending}>
            {t('plan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
