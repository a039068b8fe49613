import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useChoosePathway, useOpenProcedure } from './api';
import { localToday, optional } from './format';
import { ROUTES } from './types';

export function ChoosePathwayForm({ personId, current }: { personId: string; current?: string }) {
  const { t } = useTranslation('pathways');
  const choose = useChoosePathway(personId);
  const [route, setRoute] = useState(ROUTES.find((r) => r !== current) ?? 'undecided');
  const [since, setSince] = useState(localToday());
  const [notes, setNotes] = useState('');
  const errors = fieldErrors(choose.error);
  return (
    <form
      data-testid="choose-pathway"
      onSubmit={(event) => {
        event.preventDefault();
        choose.mutate(
          { route, since, ...(optional(notes) ? { notes: optional(notes) } : {}) },
          { onSuccess: () => setNotes('') },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('pathway.choose')}
        </Title>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <NativeSelect
            label={t('pathway.route')}
            value={route}
            onChange={(e) => setRoute(e.currentTarget.value as typeof route)}
            data={ROUTES.map((r) => ({ value: r, label: t(`routes.${r}`) }))}
            error={errors.route}
            miw={200}
          />
          <TextInput
            type="date"
            label={t('pathway.sinceLabel')}
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            error={errors.since}
            miw={160}
          />
        </Group>
        <TextInput
          label={t('pathway.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
        />
        <FormAlert error={choose.error} fields={['route', 'since', 'notes']} namespace="pathways" />
        <Group>
          <Button type="submit" loading={choose.isPending}>
            {t('pathway.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OpenProcedureForm({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const open = useOpenProcedure(personId);
  const [kind, setKind] = useState<'asylum' | 'voluntary_return'>('asylum');
  const [procedureType, setProcedureType] = useState('normal');
  const [destination, setDestination] = useState('');
  const errors = fieldErrors(open.error);
  return (
    <form
      data-testid="open-procedure"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate(
          kind === 'asylum'
            ? { kind, procedureType }
            : {
                kind,
                ...(optional(destination)
                  ? { destinationCountry: optional(destination)!.toUpperCase() }
                  : {}),
              },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('procedure.open')}
        </Title>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <NativeSelect
            label={t('procedure.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
            data={(['asylum', 'voluntary_return'] as const).map((k) => ({
              value: k,
              label: t(`procedure.kinds.${k}`),
            }))}
            error={errors.kind}
            miw={180}
          />
          {kind === 'asylum' ? (
            <NativeSelect
              label={t('procedure.type')}
              value={procedureType}
              onChange={(e) => setProcedureType(e.currentTarget.value)}
              data={(['normal', 'accelerated', 'dublin'] as const).map((p) => ({
                value: p,
                label: t(`procedure.types.${p}`),
              }))}
              error={errors.procedureType}
              miw={180}
            />
          ) : (
            <TextInput
              label={t('procedure.destination')}
              value={destination}
              onChange={(e) => setDestination(e.currentTarget.value)}
              error={errors.destinationCountry}
              maxLength={3}
              miw={180}
            />
          )}
        </Group>
        <FormAlert
          error={open.error}
          fields={['kind', 'procedureType', 'destinationCountry']}
          namespace="pathways"
        />
        <Group>
          <Button type="submit" variant="light" loading={open.isPending}>
            {t('procedure.openButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
