import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseActions } from '../mutations';
import type { CaseDetail } from '../types';

/** The case's active flags; lifting one needs a reason too (both stay on the timeline). */
export function FlagsList({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const { unflag } = useCaseActions(c.id);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  if (c.flags.length === 0) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('work.activeFlags')}
        </Title>
        <FormAlert error={unflag.error} fields={[]} namespace="cases" />
        {c.flags.map((flag) => (
          <Group key={flag.id} gap="xs" align="flex-end" wrap="wrap">
            <Text size="sm" c="red" dir="auto" style={{ flex: 1, minWidth: 200 }}>
              <b>{t(`flags.${flag.flag}`)}:</b> {flag.reason ?? ''}
            </Text>
            <TextInput
              size="xs"
              label={t('work.unflagReason')}
              value={reasons[flag.id] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [flag.id]: e.currentTarget.value })}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!reasons[flag.id]?.trim()}
              onClick={() => unflag.mutate({ flagId: flag.id, reason: reasons[flag.id] ?? '' })}
            >
              {t('work.unflag')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
