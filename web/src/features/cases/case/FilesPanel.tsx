import { Anchor, Button, Card, FileInput, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { casePath } from '../api';
import { useCaseActions } from '../mutations';
import type { CaseDetail } from '../types';

/** The file's bytes as base64, the way the API takes them (the server reads the type from the bytes). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Scans and photos of documents, stored encrypted; each download is an audited read. */
export function FilesPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const { attach } = useCaseActions(c.id);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const content = await toBase64(file);
    attach.mutate(
      { filename: file.name, content, ...(description.trim() ? { description } : {}) },
      {
        onSuccess: () => {
          setFile(null);
          setDescription('');
        },
      },
    );
  };
  return (
    <Stack gap="md">
      {c.allowed.includes('attach') && (
        <Card withBorder component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
          <Stack gap="xs">
            <FormAlert error={attach.error} fields={[]} namespace="cases" />
            <Text size="sm" c="dimmed">
              {t('files.hint')}
            </Text>
            <Group align="flex-end" wrap="wrap">
              <FileInput
                label={t('files.file')}
                value={file}
                onChange={setFile}
                accept="application/pdf,image/png,image/jpeg,image/webp"
                clearable
              />
              <TextInput
                label={t('files.description')}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              <Button type="submit" disabled={!file} loading={attach.isPending}>
                {t('files.upload')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {c.attachments.length === 0 ? (
        <Text c="dimmed">{t('files.none')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {c.attachments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td dir="auto">
                  {c.access === 'full' ? (
                    <Anchor href={casePath(c.id, `/attachments/${a.id}`)} download={a.filename ?? undefined}>
                      {a.filename ?? a.id}
                    </Anchor>
                  ) : (
                    t('files.hidden')
                  )}
                </Table.Td>
                <Table.Td>{a.description ?? ''}</Table.Td>
                <Table.Td>{a.mediaType}</Table.Td>
                <Table.Td>{Math.ceil(a.sizeBytes / 1024)} KB</Table.Td>
                <Table.Td>{format(a.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
