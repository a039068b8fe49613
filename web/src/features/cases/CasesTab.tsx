import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { useCases } from './api';
import { CasesTable } from './caseload/CasesTable';

/** Whether a user may see the cases tab at all (the server granted cases.read). */
export function canSeeCases(permissions: ReadonlySet<string>): boolean {
  return permissions.has('cases.read');
}

/**
 * The cases of one person, for their profile (the people module's tab list is the extension
 * point: `{ id: 'cases', label: 'cases:tab.label', Panel: CasesTab }`), with "Open a case".
 */
export function CasesTab({ person }: { person: { id: string } }) {
  const { t } = useTranslation('cases');
  const permissions = usePermissions();
  const cases = useCases({ personId: person.id, status: undefined }, canSeeCases(permissions));
  if (!canSeeCases(permissions)) return null;
  return (
    <Stack gap="sm" data-testid="person-cases">
      {permissions.has('cases.write') && (
        <Group>
          <Button component={Link} to={`/cases/new?personId=${encodeURIComponent(person.id)}`}>
            {t('tab.open')}
          </Button>
        </Group>
      )}
      {cases.isPending && <PageLoader label={t('common:loading')} />}
      {cases.isError && <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isSuccess &&
        (cases.data.items.length === 0 ? (
          <Text c="dimmed">{t('tab.none')}</Text>
        ) : (
          <CasesTable cases={cases.data.items} />
        ))}
    </Stack>
  );
}
