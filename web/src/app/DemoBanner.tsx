import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="filled" radius={0} py={6} data-testid="demo-banner" role="note">
      {t('demoBanner')}
    </Alert>
  );
}
