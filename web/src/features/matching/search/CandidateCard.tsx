import { Anchor, Badge, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayName, useAgeText, useCountryName } from '../../people/format';
import type { Person } from '../../people/types';
import { WaterfallChart } from '../compare/WaterfallChart';
import { usePercent } from '../format';
import { BAND_COLOURS, type Candidate } from '../types';

/** One registered person who may be the one checked: who, how likely, and (opened) why. */
export function CandidateCard({ candidate, isSelf }: { candidate: Candidate; isSelf: boolean }) {
  const { t } = useTranslation('matching');
  const percent = usePercent();
  const ageText = useAgeText();
  const countryName = useCountryName();
  const [open, setOpen] = useState(false);
  const person = candidate.person as Person;
  return (
    <Card withBorder padding="sm" component="li" data-testid="candidate">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/people/${candidate.personId}`} fw={600}>
              {displayName(person)}
            </Anchor>
            {person.originalScriptName && (
              <Text dir="auto" fw={600}>
                {person.originalScriptName}
              </Text>
            )}
            {isSelf && <Badge variant="outline">{t('search.self')}</Badge>}
          </Group>
          <Group gap="xs">
            <Badge color={BAND_COLOURS[candidate.band]} variant="light">
              {t(`bands.${candidate.band}`)}
            </Badge>
            <Text size="sm" data-testid="candidate-score">
              {percent(candidate.score)}
            </Text>
            <Text ff="monospace" dir="ltr" size="sm">
              {candidate.code}
            </Text>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t(`sexes.${person.sex}`, { defaultValue: person.sex }),
            ageText(person),
            countryName(person.nationality),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} fz="sm" c="blue">
          {t('chart.title')}
        </UnstyledButton>
        <Collapse expanded={open}>
          <WaterfallChart explanation={candidate.explanation} showTitle={false} />
        </Collapse>
      </Stack>
    </Card>
  );
}
