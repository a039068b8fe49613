import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useConvoys, useCreateConvoy, useSiteOptions } from './api';

/** Convoys with their seats; a relocation is scheduled onto one from the pipeline. */
export function ConvoysSection() {
  const { t } = useTranslation('reception');
  const convoys = useConvoys();
  const sites = useSiteOptions();
  const create = useCreateConvoy();
  const errors = fieldErrors(create.error);
  const [form, setForm] = useState({
    departsOn: '',
    originSiteId: '',
    vehicle: '',
    vehicleCapacity: 50 as number | string,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        departsOn: form.departsOn,
        originSiteId: form.originSiteId,
        vehicle: form.vehicle,
        vehicleCapacity: Number(form.vehicleCapacity),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('convoys.created') });
          setForm({ ...form, vehicle: '' });
          create.reset();
        },
      },
    );
  };

  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('convoys.title')}
        </Title>
        {convoys.isSuccess && convoys.data.items.length === 0 && <Text size="sm">{t('convoys.empty')}</Text>}
        {convoys.isSuccess && convoys.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('convoys.departsOn')}</Table.Th>
                  <Table.Th>{t('convoys.origin')}</Table.Th>
                  <Table.Th>{t('convoys.vehicle')}</Table.Th>
                  <Table.Th>{t('convoys.vehicleCapacity')}</Table.Th>
                  <Table.Th>{t('convoys.passengers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {convoys.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.departsOn}</Table.Td>
                    <Table.Td>{c.originName}</Table.Td>
                    <Table.Td>{c.vehicle}</Table.Td>
                    <Table.Td>
                      {t('convoys.seats', { taken: c.seatsTaken, capacity: c.vehicleCapacity })}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/reception/convoys/${c.id}`} size="sm">
                        {t('convoys.passengers')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate aria-label={t('convoys.create')}>
          <Stack gap="xs">
            <FormAlert
              error={create.error}
              fields={['departsOn', 'originSiteId', 'vehicle', 'vehicleCapacity']}
              namespace="reception"
            />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={t('convoys.departsOn')}
                value={form.departsOn}
                onChange={(e) => setForm({ ...form, departsOn: e.currentTarget.value })}
                error={errors.departsOn}
              />
              <NativeSelect
                label={t('convoys.origin')}
                value={form.originSiteId}
                onChange={(e) => setForm({ ...form, originSiteId: e.currentTarget.value })}
                data={[
                  { value: '', label: '—' },
                  ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.name })),
                ]}
                error={errors.originSiteId}
              />
              <TextInput
                label={t('convoys.vehicle')}
                value={form.vehicle}
                onChange={(e) => setForm({ ...form, vehicle: e.currentTarget.value })}
                error={errors.vehicle}
              />
              <NumberInput
                label={t('convoys.vehicleCapacity')}
                value={form.vehicleCapacity}
                min={1}
                max={200}
                allowDecimal={false}
                onChange={(value) => setForm({ ...form, vehicleCapacity: value })}
                error={errors.vehicleCapacity}
                w={110}
              />
              <Button type="submit" loading={create.isPending}>
                {t('convoys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
