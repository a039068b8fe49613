import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayName, useExplain } from '../format';
import type { Registration } from '../types';

interface Props {
  registration: Registration;
  onRegisterAnother: () => void;
  onRegisterFamilyMember: (() => void) | null;
  familyPending: boolean;
}

const BAND_COLOURS = { high: 'red', medium: 'orange', low: 'yellow' } as const;

/** The card code, large enough to copy onto a paper card, and the possible duplicates to check. */
export function RegistrationResult({
  registration,
  onRegisterAnother,
  onRegisterFamilyMember,
  familyPending,
}: Props) {
  const { t } = useTranslation('people');
  const explain = useExplain();
  const { person, possibleDuplicates } = registration;
  return (
    <Stack gap="md" data-testid="registration-result">
      <Card withBorder padding="lg">
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">{t('register.registered')}</Text>
          <Title order={2} size="h3">
            {displayName(person)}
          </Title>
          {person.originalScriptName && (
            <Text dir="auto" size="lg">
              {person.originalScriptName}
            </Text>
          )}
          <Text size="sm">{t('register.codeLabel')}</Text>
          <Text
            component="output"
            fz={40}
            fw={700}
            dir="ltr"
            ff="monospace"
            data-testid="person-code"
            aria-label={t('register.codeLabel')}
          >
            {person.code}
          </Text>
          {person.unaccompanied && (
            <Badge color="red" size="lg" data-testid="unaccompanied-badge">
              {t('unaccompanied')}
            </Badge>
          )}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="duplicates-title">
        <Stack gap="xs">
          <Title order={3} size="h4" id="duplicates-title">
            {t('register.duplicates')}
          </Title>
          {possibleDuplicates.length === 0 ? (
            <Text size="sm">{t('register.noDuplicates')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('register.duplicatesHint')}
              </Text>
              <List spacing="xs" data-testid="possible-duplicates">
                {possibleDuplicates.map((d) => (
                  <List.Item key={d.personId}>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/people/${d.personId}`} dir="ltr" ff="monospace">
                        {d.code}
                      </Anchor>
                      <Badge color={BAND_COLOURS[d.band]} variant="light">
                        {t(`register.bands.${d.band}`)}
                      </Badge>
                      <Text size="sm">{t('register.score', { score: Math.round(d.score * 100) })}</Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {explain(d.explanation)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Card>
      <Group>
        <Button onClick={onRegisterAnother} autoFocus>
          {t('register.registerAnother')}
        </Button>
        {onRegisterFamilyMember && (
          <Button variant="light" onClick={onRegisterFamilyMember} loading={familyPending}>
            {t('register.registerFamilyMember')}
          </Button>
        )}
        <Button component={Link} to={`/people/${person.id}`} variant="default">
          {t('actions.open')}
        </Button>
      </Group>
    </Stack>
  );
}
