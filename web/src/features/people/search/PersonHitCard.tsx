import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSiteOptions } from '../api';
import { displayName, useAgeText, useCountryName, useExplain } from '../format';
import type { PersonHit } from '../types';

/** One search result: names in both scripts, card code, age, nationality, site, and why it matched. */
export function PersonHitCard({ person }: { person: PersonHit }) {
  const { t } = useTranslation('people');
  const ageText = useAgeText();
  const countryName = useCountryName();
  const explain = useExplain();
  const sites = useSiteOptions();
  const site = person.siteId ? sites.data?.find((s) => s.id === person.siteId)?.name : null;
  return (
    <Card withBorder padding="sm" component="li" data-testid="person-hit">
      <Stack gap={4}>
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
              {displayName(person)}
            </Anchor>
            {person.originalScriptName && (
              <Text dir="auto" fw={600} data-testid="original-script-name">
                {person.originalScriptName}
              </Text>
            )}
            {person.unaccompanied && (
              <Badge color="red" variant="filled" size="sm" data-testid="unaccompanied-badge">
                {t('unaccompanied')}
              </Badge>
            )}
          </Group>
          <Text ff="monospace" dir="ltr" size="sm">
            {person.code}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t(`sexes.${person.sex}`, { defaultValue: person.sex }),
            ageText(person),
            countryName(person.nationality),
            site ?? null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {person.match && (
          <Text size="xs" c="dimmed" data-testid="match-why">
            {t('search.why', { reasons: explain(person.match.explanation) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
