import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import type { Person } from '../people/types';
import { usePairs } from './api';
import { PairsTable } from './queue/PairsTable';
import type { SearchProbe } from './types';

/** The probe of a duplicate check started from a record: what the reviewer sees of it. */
function probeOf(person: Person): SearchProbe {
  return {
    givenName: person.givenName,
    familyName: [person.fathersName, person.familyName].filter(Boolean).join(' ') || undefined,
    fullName: person.givenName ? undefined : (person.originalScriptName ?? undefined),
    birthYear: person.birthYear ?? undefined,
    sex: person.sex as SearchProbe['sex'],
    nationality: person.nationality ?? undefined,
    excludeId: person.id,
  };
}

/**
 * The person profile's "Duplicates" tab (people/profile/tabs.tsx): look for duplicates of this
 * record, and, for reviewers, every pair it is part of — to review, merged or kept apart.
 */
export function DuplicatesTab({ person }: { person: Person }) {
  const { t } = useTranslation('matching');
  const navigate = useNavigate();
  const reviews = usePermissions().has('duplicates.review');
  const open = usePairs('open', person.id, reviews);
  const same = usePairs('same', person.id, reviews);
  const different = usePairs('different', person.id, reviews);
  const lists = [open, same, different];
  const pairs = lists.flatMap((list) => list.data?.items ?? []);
  const failed = lists.find((list) => list.isError);
  return (
    <Stack gap="sm" data-testid="person-duplicates">
      {person.status === 'merged' && <Alert color="gray">{t('tab.merged')}</Alert>}
      <Group>
        <Button
          variant="light"
          onClick={() => navigate('/matching/search', { state: { probe: probeOf(person) } })}
        >
          {t('tab.check')}
        </Button>
      </Group>
      {reviews && (
        <Stack gap="xs" component="section" aria-labelledby="person-pairs-title">
          <Title order={3} size="h5" id="person-pairs-title">
            {t('tab.pairs')}
          </Title>
          {lists.some((list) => list.isPending) && <PageLoader label={t('common:loading')} />}
          {failed && <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />}
          {lists.every((list) => list.isSuccess) &&
            (pairs.length === 0 ? <Text c="dimmed">{t('tab.none')}</Text> : <PairsTable pairs={pairs} />)}
        </Stack>
      )}
    </Stack>
  );
}
