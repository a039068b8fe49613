import { Badge, Button, Card, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { AppointmentCard } from './AppointmentCard';
import { AppointmentForm } from './AppointmentForm';
import { cardUrl, useAppointments, usePersonPathways } from './api';
import { CardRevoke } from './CardRevoke';
import { useCalendarDate } from './format';
import { ChoosePathwayForm, OpenProcedureForm } from './PathwayForms';
import { ProcedurePanel } from './ProcedurePanel';
import type { PersonPathways } from './types';

/** Whether the tab has anything for this user: the legal file, or the card to print. */
export function canSeePathway(permissions: ReadonlySet<string>): boolean {
  return permissions.has('pathways.read') || permissions.has('cards.print');
}

function CardButton({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const permissions = usePermissions();
  return (
    <Stack gap="xs">
      <Group>
        <Button component="a" href={cardUrl(personId)} target="_blank" rel="noopener" variant="default">
          {t('card.download')}
        </Button>
      </Group>
      {permissions.has('cards.revoke') && <CardRevoke personId={personId} />}
    </Stack>
  );
}

function RouteSummary({ data }: { data: PersonPathways }) {
  const { t } = useTranslation('pathways');
  const formatDate = useCalendarDate();
  const earlier = data.history.filter((p) => !p.current);
  return (
    <Card withBorder data-testid="pathway-current">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('pathway.title')}
        </Title>
        {data.current ? (
          <Group gap="xs" wrap="wrap">
            <Text>{t('pathway.current')}:</Text>
            <Badge size="lg" variant="light" data-testid="pathway-route">
              {t(`routes.${data.current.route}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('pathway.since', { date: formatDate(data.current.since) })}
            </Text>
          </Group>
        ) : (
          <Text c="dimmed">{t('tab.none')}</Text>
        )}
        {data.current?.notes && <Text size="sm">{data.current.notes}</Text>}
        {earlier.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('pathway.history')}
            </Text>
            <List size="sm" spacing={2}>
              {earlier.map((p) => (
                <List.Item key={p.id}>
                  {t(`routes.${p.route}`)} ·{' '}
                  {t('pathway.period', { from: formatDate(p.since), to: formatDate(p.until) })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The person's legal pathway: route, procedures with their time limits, appointments, card. */
export function PathwayTab({ person }: { person: { id: string; languages?: string[] } }) {
  const { t } = useTranslation('pathways');
  const permissions = usePermissions();
  const canRead = permissions.has('pathways.read');
  const pathways = usePersonPathways(person.id, canRead);
  const appointments = useAppointments({ personId: person.id }, permissions.has('appointments.read'));
  const canPrint = permissions.has('cards.print');
  if (!canRead) return canPrint ? <CardButton personId={person.id} /> : null;
  if (pathways.isPending) return <PageLoader label={t('common:loading')} />;
  if (pathways.isError) return <ErrorState error={pathways.error} onRetry={() => void pathways.refetch()} />;
  const data = pathways.data;
  const allowed = (action: string) => data.allowed.includes(action);
  return (
    <Stack gap="md" data-testid="person-pathway">
      {allowed('printCard') && <CardButton personId={person.id} />}
      <RouteSummary data={data} />
      {allowed('choosePathway') && (
        <Card withBorder>
          <ChoosePathwayForm personId={person.id} current={data.current?.route} />
        </Card>
      )}
      <Title order={2} size="h4">
        {t('procedure.title')}
      </Title>
      {data.procedures.map((p) => (
        <ProcedurePanel key={p.id} procedure={p} />
      ))}
      {allowed('openProcedure') && (
        <Card withBorder>
          <OpenProcedureForm personId={person.id} />
        </Card>
      )}
      <Divider />
      <Title order={2} size="h4">
        {t('appointments.title')}
      </Title>
      {appointments.isError && (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      )}
      {appointments.isSuccess &&
        (appointments.data.items.length === 0 ? (
          <Text c="dimmed">{t('appointments.none')}</Text>
        ) : (
          <Stack gap="xs" data-testid="person-appointments">
            {appointments.data.items.map((a) => (
              <AppointmentCard key={a.id} appointment={a} />
            ))}
          </Stack>
        ))}
      {allowed('bookAppointment') && (
        <Card withBorder>
          <AppointmentForm
            personId={person.id}
            procedures={data.procedures}
            defaultLanguage={person.languages?.find((l) => l !== 'fr' && l !== 'en')}
          />
        </Card>
      )}
    </Stack>
  );
}
