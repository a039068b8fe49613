import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useAddDocument } from './api';
import { localToday, optional } from './format';
import { DOCUMENT_KINDS } from './types';

/** Records a document issued in a procedure (the asylum-seeker certificate with its expiry). */
export function DocumentForm({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation('pathways');
  const add = useAddDocument(procedureId);
  const [kind, setKind] = useState<string>(DOCUMENT_KINDS[0]);
  const [issuedOn, setIssuedOn] = useState(localToday());
  const [expiresOn, setExpiresOn] = useState('');
  const [number, setNumber] = useState('');
  const errors = fieldErrors(add.error);
  return (
    <form
      data-testid="add-document"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          {
            kind,
            issuedOn,
            ...(optional(expiresOn) ? { expiresOn } : {}),
            ...(optional(number) ? { number: optional(number) } : {}),
          },
          {
            onSuccess: () => {
              setNumber('');
              setExpiresOn('');
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('documents.add')}
        </Title>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <NativeSelect
            label={t('documents.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            error={errors.kind}
            miw={200}
          />
          <TextInput
            type="date"
            label={t('documents.issuedOn')}
            value={issuedOn}
            onChange={(e) => setIssuedOn(e.currentTarget.value)}
            error={errors.issuedOn}
            miw={150}
          />
          <TextInput
            type="date"
            label={t('documents.expiresOn')}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
            miw={150}
          />
          <TextInput
            label={t('documents.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={errors.number}
            dir="ltr"
            miw={150}
          />
        </Group>
        <FormAlert
          error={add.error}
          fields={['kind', 'issuedOn', 'expiresOn', 'number']}
          namespace="pathways"
        />
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('documents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
