import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import { CodeChecks, Narrative } from './fields';
import { DURABLE_OPTIONS } from './options';

/** Best-interests assessment of an unaccompanied or separated child. */
export function BiaForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { assess } = useCaseActions(caseId);
  const [views, setViews] = useState('');
  const [family, setFamily] = useState('');
  const [safety, setSafety] = useState('');
  const [options, setOptions] = useState<Array<(typeof DURABLE_OPTIONS)[number]>>([]);
  const [recommendation, setRecommendation] = useState('');
  const [bid, setBid] = useState(false);
  const errors = fieldErrors(assess.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assess.mutate(
      {
        kind: 'bia',
        answers: {
          childViews: views,
          familySituation: family,
          safety,
          options,
          recommendation,
          bidRequired: bid,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessments.kinds.bia')}>
      <Stack gap="sm">
        <FormAlert error={assess.error} fields={[]} namespace="cases" />
        <Narrative
          label={t('assessments.bia.views')}
          value={views}
          onChange={setViews}
          error={errors['answers.childViews']}
        />
        <Narrative
          label={t('assessments.bia.family')}
          value={family}
          onChange={setFamily}
          error={errors['answers.familySituation']}
        />
        <Narrative
          label={t('assessments.bia.safety')}
          value={safety}
          onChange={setSafety}
          error={errors['answers.safety']}
        />
        <CodeChecks
          label={t('assessments.bia.options')}
          prefix="assessments.durable"
          options={DURABLE_OPTIONS}
          value={options}
          onChange={setOptions}
          error={errors['answers.options']}
        />
        <Narrative
          label={t('assessments.bia.recommendation')}
          value={recommendation}
          onChange={setRecommendation}
          error={errors['answers.recommendation']}
        />
        <Checkbox
          label={t('assessments.bia.bid')}
          checked={bid}
          onChange={(e) => setBid(e.currentTarget.checked)}
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
