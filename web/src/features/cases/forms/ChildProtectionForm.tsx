import { Button, Checkbox, Group, SimpleGrid, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { CodeChecks, CodeSelect, Narrative, optional } from './fields';
import {
  ACCOMMODATIONS,
  CARE_ARRANGEMENTS,
  CHILD_SAFETY_CONCERNS,
  EDUCATION_STATUSES,
  FAMILY_CONTACT,
} from './options';

type Concern = (typeof CHILD_SAFETY_CONCERNS)[number];

/** Child protection assessment: care, safety, health, education, family contact, the child's wishes. */
export function ChildProtectionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { assess } = useCaseActions(caseId);
  const [care, setCare] = useState<(typeof CARE_ARRANGEMENTS)[number]>('alone');
  const [sleeps, setSleeps] = useState<(typeof ACCOMMODATIONS)[number]>('tent_in_camp');
  const [concerns, setConcerns] = useState<Concern[]>([]);
  const [urgentHealth, setUrgentHealth] = useState(false);
  const [health, setHealth] = useState('');
  const [education, setEducation] = useState<(typeof EDUCATION_STATUSES)[number]>('unknown');
  const [family, setFamily] = useState<(typeof FAMILY_CONTACT)[number]>('none');
  const [abroad, setAbroad] = useState(false);
  const [wishes, setWishes] = useState('');
  const [summary, setSummary] = useState('');
  const errors = fieldErrors(assess.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assess.mutate(
      {
        kind: 'child_protection',
        answers: {
          careArrangement: care,
          accommodation: sleeps,
          safetyConcerns: concerns,
          urgentHealthNeed: urgentHealth,
          health: optional(health),
          education,
          familyContact: family,
          relativesAbroad: abroad,
          wishes,
          summary: optional(summary),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessments.kinds.child_protection')}>
      <Stack gap="sm">
        <FormAlert error={assess.error} fields={[]} namespace="cases" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeSelect
            label={t('assessments.cp.care')}
            prefix="assessments.care"
            options={CARE_ARRANGEMENTS}
            value={care}
            onChange={setCare}
          />
          <CodeSelect
            label={t('assessments.cp.sleeps')}
            prefix="assessments.sleeps"
            options={ACCOMMODATIONS}
            value={sleeps}
            onChange={setSleeps}
          />
          <CodeSelect
            label={t('assessments.cp.education')}
            prefix="assessments.education"
            options={EDUCATION_STATUSES}
            value={education}
            onChange={setEducation}
          />
          <CodeSelect
            label={t('assessments.cp.family')}
            prefix="assessments.family"
            options={FAMILY_CONTACT}
            value={family}
            onChange={setFamily}
          />
        </SimpleGrid>
        <CodeChecks
          label={t('assessments.cp.concerns')}
          prefix="assessments.concerns"
          options={CHILD_SAFETY_CONCERNS}
          value={concerns}
          onChange={setConcerns}
        />
        <Group gap="lg">
          <Checkbox
            label={t('assessments.cp.urgentHealth')}
            checked={urgentHealth}
            onChange={(e) => setUrgentHealth(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('assessments.cp.abroad')}
            checked={abroad}
            onChange={(e) => setAbroad(e.currentTarget.checked)}
          />
        </Group>
        <Narrative
          label={t('assessments.cp.health')}
          value={health}
          onChange={setHealth}
          error={errors['answers.health']}
        />
        <Narrative
          label={t('assessments.cp.wishes')}
          value={wishes}
          onChange={setWishes}
          error={errors['answers.wishes']}
        />
        <Narrative
          label={t('assessments.summary')}
          value={summary}
          onChange={setSummary}
          error={errors['answers.summary']}
        />
        <Group>
          <Button type="submit" loading={assess.isPending}>
            {t('assessments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
