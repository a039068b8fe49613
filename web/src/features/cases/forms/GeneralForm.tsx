import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { SERVICE_KINDS } from '../types';
import { CodeChecks, Narrative, optional } from './fields';
import { GENERAL_SAFETY_CONCERNS } from './options';

/** The assessment of gbv and general protection cases: danger now, safety concerns, needs, wishes. */
export function GeneralForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { assess } = useCaseActions(caseId);
  const [danger, setDanger] = useState(false);
  const [concerns, setConcerns] = useState<Array<(typeof GENERAL_SAFETY_CONCERNS)[number]>>([]);
  const [needs, setNeeds] = useState<Array<(typeof SERVICE_KINDS)[number]>>([]);
  const [wishes, setWishes] = useState('');
  const [summary, setSummary] = useState('');
  const errors = fieldErrors(assess.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assess.mutate(
      {
        kind: 'general',
        answers: {
          immediateDanger: danger,
          safetyConcerns: concerns,
          needs,
          wishes,
          summary: optional(summary),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessments.kinds.general')}>
      <Stack gap="sm">
        <FormAlert error={assess.error} fields={[]} namespace="cases" />
        <Checkbox
          label={t('assessments.general.danger')}
          checked={danger}
          onChange={(e) => setDanger(e.currentTarget.checked)}
        />
        <CodeChecks
          label={t('assessments.general.concerns')}
          prefix="assessments.generalConcerns"
          options={GENERAL_SAFETY_CONCERNS}
          value={concerns}
          onChange={setConcerns}
        />
        <CodeChecks
          label={t('assessments.general.needs')}
          prefix="services"
          options={SERVICE_KINDS}
          value={needs}
          onChange={setNeeds}
        />
        <Narrative
          label={t('assessments.general.wishes')}
          value={wishes}
          onChange={setWishes}
          error={errors['answers.wishes']}
        />
        <Narrative label={t('assessments.summary')} value={summary} onChange={setSummary} />
        <Group>
          <Button type="submit" loading={assess.isPending}>
            {t('assessments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
