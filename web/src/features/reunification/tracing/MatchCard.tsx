import { Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../app/FormAlert';
import { useDecideMatch } from '../api';
import { nameOf, type TracingMatch } from '../types';

const BAND_COLOR = { high: 'green', medium: 'yellow', low: 'gray' } as const;

/**
 * One candidate with the engine's reasons: each field's result and its weight (positive pushes
 * towards "same person", negative away), and the officer's decision.
 */
export function MatchCard({
  requestId,
  match,
  canDecide,
  canOpenCase,
}: {
  requestId: string;
  match: TracingMatch;
  canDecide: boolean;
  canOpenCase: boolean;
}) {
  const { t } = useTranslation('reunification');
  const decide = useDecideMatch(requestId);
  const [note, setNote] = useState('');
  const send = (decision: 'confirmed' | 'rejected') =>
    decide.mutate({ matchId: match.id, decision, ...(note.trim() ? { note: note.trim() } : {}) });
  const caseLink = `/reunification/cases/new?personId=${encodeURIComponent(match.personId)}${
    match.familyLinkId ? `&familyLinkId=${encodeURIComponent(match.familyLinkId)}` : ''
  }&tracingRequestId=${encodeURIComponent(requestId)}`;
  return (
    <Card withBorder data-testid="match" aria-label={nameOf(match.person)}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={700} dir="auto">
              {nameOf(match.person)}
            </Text>
            {match.person.originalScriptName && (
              <Text dir="auto" c="dimmed">
                {match.person.originalScriptName}
              </Text>
            )}
            <Badge variant="outline" ff="monospace" dir="ltr">
              {match.code}
            </Badge>
          </Group>
          <Group gap="xs">
            <Badge color={BAND_COLOR[match.band]}>{t(`tracing.matches.bands.${match.band}`)}</Badge>
            <Text size="sm">{t('tracing.matches.score', { value: Math.round(match.score * 100) })}</Text>
            <Badge
              variant="light"
              color={match.status === 'confirmed' ? 'green' : match.status === 'rejected' ? 'gray' : 'blue'}
            >
              {t(`tracing.matches.statuses.${match.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t(`sexes.${match.person.sex}`, { defaultValue: match.person.sex }),
            match.person.birthYear,
            match.person.nationality,
          ]
            .filter(Boolean)
            .join(' · ')}
          {match.source === 'registration' ? ` · ${t('tracing.matches.fromRegistration')}` : ''}
        </Text>
        <Table withTableBorder fz="sm" aria-label={t('tracing.matches.why')} data-testid="match-explanation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tracing.matches.field')}</Table.Th>
              <Table.Th>{t('tracing.matches.level')}</Table.Th>
              <Table.Th>{t('tracing.matches.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {match.explanation.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>{t(`tracing.matches.fields.${c.field}`, { defaultValue: c.field })}</Table.Td>
                <Table.Td>{t(`tracing.matches.levels.${c.level}`, { defaultValue: c.level })}</Table.Td>
                <Table.Td c={c.weight > 0 ? 'green' : c.weight < 0 ? 'red' : undefined} dir="ltr">
                  {c.weight > 0 ? `+${c.weight}` : c.weight}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {match.decisionNote && <Text size="sm">{match.decisionNote}</Text>}
        <FormAlert error={decide.error} fields={[]} namespace="reunification" />
        {canDecide && match.status === 'proposed' && (
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('tracing.matches.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              miw={260}
            />
            <Button color="green" loading={decide.isPending} onClick={() => send('confirmed')}>
              {t('tracing.matches.confirm')}
            </Button>
            <Button variant="default" loading={decide.isPending} onClick={() => send('rejected')}>
              {t('tracing.matches.reject')}
            </Button>
          </Group>
        )}
        {canOpenCase && match.status === 'confirmed' && (
          <Group>
            <Button component={Link} to={caseLink} variant="light">
              {t('tracing.matches.openCase')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
