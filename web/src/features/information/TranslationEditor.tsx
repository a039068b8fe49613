import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { ErrorState, PageLoader } from '../../app/states';
import { useFormatDateTime } from '../../i18n/format';
import {
  useArticleTranslation,
  usePreview,
  useSaveTranslation,
  useWorkflow,
  type WorkflowAction,
} from './api';
import { type Content, ContentFields } from './ContentFields';
import { directionOf, languageLabel } from './languages';
import { PreviewFrame } from './PreviewFrame';
import type { LanguageTag, Translation, Version } from './types';

function contentOf(version: Version | null, source: Version | null): Content {
  if (version)
    return { title: version.title, summary: version.summary, body: version.body, blocks: version.blocks };
  // A new translation starts from the source's blocks, so only their words need translating.
  return { title: '', summary: '', body: '', blocks: source?.blocks ?? [] };
}

function SourcePanel({ data }: { data: Translation }) {
  const { t } = useTranslation('information');
  const source = data.source;
  if (!source) return null;
  const lang = data.article.sourceLang;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={t('editor.source', { language: languageLabel(lang), version: source.version })}
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('editor.source', { language: languageLabel(lang), version: source.version })}
      </Text>
      <div lang={lang} dir={directionOf(lang)} data-testid="source-text">
        <Title order={3} size="h4">
          {source.title}
        </Title>
        <Text fw={600} my="xs">
          {source.summary}
        </Text>
        <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
          {source.body}
        </Text>
      </div>
    </Paper>
  );
}

/** Side-by-side editing of one language against the source, with preview and the review workflow. */
export function TranslationEditor() {
  const { id = '', lang = 'en' } = useParams();
  const query = useArticleTranslation(id, lang);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Editor key={`${id}/${lang}/${query.data.latest?.version ?? 0}`} data={query.data} />;
}

function Editor({ data }: { data: Translation }) {
  const { t } = useTranslation('information');
  const format = useFormatDateTime();
  const { article, lang, latest, published } = data;
  const isSource = lang === article.sourceLang;
  const [content, setContent] = useState<Content>(contentOf(latest, data.source));
  const [note, setNote] = useState('');
  const save = useSaveTranslation(article.id, lang);
  const workflow = useWorkflow(article.id, lang);
  const preview = usePreview();
  const errors = fieldErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...content, ...(isSource ? {} : { sourceVersion: article.sourceVersion }) },
      {
        onSuccess: (result) => {
          const version = result.latest?.version ?? 0;
          const unchanged = version === latest?.version;
          notifications.show({
            color: 'green',
            message: t(unchanged ? 'editor.unchanged' : 'editor.saved', { version }),
          });
        },
      },
    );
  };
  const act = (action: WorkflowAction, version: number) =>
    workflow.mutate(
      { action, version, note: action === 'return' ? note : undefined },
      { onSuccess: () => notifications.show({ color: 'green', message: t('editor.done') }) },
    );
  const actions: Array<[WorkflowAction, Version]> = [
    ...((latest?.allowed ?? []) as WorkflowAction[]).map((a): [WorkflowAction, Version] => [
      a,
      latest as Version,
    ]),
    ...(published && published.version !== latest?.version
      ? (published.allowed as WorkflowAction[]).map((a): [WorkflowAction, Version] => [a, published])
      : []),
  ];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/information" size="sm">
        {t('editor.back')}
      </Anchor>
      <Title order={2} size="h3">
        {article.title} — {t('editor.translation', { language: languageLabel(lang) })}
      </Title>
      {isSource && <Alert color="blue">{t('editor.editingSource')}</Alert>}
      {latest?.outdated && (
        <Alert color="orange" role="status" data-testid="outdated-alert">
          {t('editor.outdated', { from: latest.sourceVersion, to: article.sourceVersion })}
        </Alert>
      )}
      <Text size="sm" data-testid="translation-status">
        {latest
          ? t('editor.latest', { version: latest.version, state: t(`states.${latest.status}`) })
          : t('states.missing')}
        {' · '}
        {published
          ? t('editor.published', { version: published.version, date: format(published.publishedAt, 'date') })
          : t('editor.notPublished')}
        {published && (
          <>
            {' · '}
            <Anchor href={`/info/${lang}/${article.slug}`} target="_blank" rel="noopener">
              {t('editor.viewPublic')}
            </Anchor>
          </>
        )}
      </Text>
      {latest?.reviewNote && (
        <Alert color="gray">{t('editor.reviewNote', { note: latest.reviewNote })}</Alert>
      )}
      <Grid gap="lg">
        {!isSource && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SourcePanel data={data} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: isSource ? 12 : 6 }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <FormAlert
                error={save.error ?? workflow.error}
                fields={['title', 'summary', 'body', 'blocks']}
                namespace="information"
              />
              <ContentFields
                value={content}
                onChange={setContent}
                lang={lang as LanguageTag}
                errors={errors}
              />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('editor.save')}
                </Button>
                <Button
                  variant="default"
                  loading={preview.isPending}
                  onClick={() => preview.mutate({ lang: lang as LanguageTag, ...content })}
                >
                  {t('editor.preview')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
      </Grid>
      {preview.error && <FormAlert error={preview.error} fields={[]} namespace="information" />}
      {preview.data && <PreviewFrame html={preview.data.html} lang={lang} />}
      {actions.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            {actions.some(([a]) => a === 'return') && (
              <Textarea
                label={t('editor.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            )}
            <Group>
              {actions.map(([action, version]) => (
                <Button
                  key={`${action}-${version.version}`}
                  variant={action === 'publish' ? 'filled' : 'default'}
                  color={action === 'archive' ? 'red' : undefined}
                  loading={workflow.isPending}
                  onClick={() => act(action, version.version)}
                >
                  {t(`editor.actions.${action}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>
      )}
      {latest?.status === 'in_review' && !latest.allowed.includes('publish') && (
        <Text size="sm" c="dimmed">
          {t('editor.fourEyes')}
        </Text>
      )}
      <section aria-labelledby="history-title">
        <Title order={3} size="h5" id="history-title">
          {t('editor.history')}
        </Title>
        <Stack gap={2} mt="xs">
          {data.history.map((v) => (
            <Text key={v.version} size="sm">
              {t('editor.versionLine', {
                version: v.version,
                state: t(`states.${v.status}`),
                source: v.sourceVersion,
              })}{' '}
              · {format(v.createdAt)}
            </Text>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
