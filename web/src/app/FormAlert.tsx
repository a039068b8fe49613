import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formAlert } from '../api/form-errors';

interface Props {
  error: unknown;
  /** The form's own fields: problems with them are shown beside the field, not here. */
  fields: readonly string[];
  namespace?: string;
  testId?: string;
}

/** The message at the top of a form after a failed submission, when there is one to show. */
export function FormAlert({ error, fields, namespace = 'common', testId }: Props) {
  const { t, i18n } = useTranslation();
  const message = formAlert(error, fields, t, i18n.language, namespace);
  if (!message) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {message}
    </Alert>
  );
}
