import { Button, Card, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useCreateArticle } from './api';
import { type Content, ContentFields, EMPTY_CONTENT } from './ContentFields';
import { INFO_LANGUAGES, languageLabel, TOPICS } from './languages';
import type { LanguageTag, Topic } from './types';

export function NewArticleForm() {
  const { t } = useTranslation('information');
  const navigate = useNavigate();
  const create = useCreateArticle();
  const [slug, setSlug] = useState('');
  const [topic, setTopic] = useState<Topic>('asylum');
  const [sourceLang, setSourceLang] = useState<LanguageTag>('en');
  const [content, setContent] = useState<Content>(EMPTY_CONTENT);
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { slug: slug.trim(), topic, sourceLang, ...content },
      {
        onSuccess: (article) => {
          notifications.show({ color: 'green', message: t('create.created') });
          void navigate(`/information/articles/${article.id}/${article.sourceLang}`);
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="new-article-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={760}>
          <Title order={2} size="h4" id="new-article-title">
            {t('tabs.create')}
          </Title>
          <FormAlert
            error={create.error}
            fields={['slug', 'topic', 'sourceLang', 'title', 'summary', 'body', 'blocks']}
            namespace="information"
          />
          <TextInput
            label={t('fields.slug')}
            description={t('fields.slugHint')}
            dir="ltr"
            autoComplete="off"
            value={slug}
            error={errors.slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('fields.topic')}
            value={topic}
            error={errors.topic}
            data={TOPICS.map((value) => ({ value, label: t(`topics.${value}`) }))}
            onChange={(e) => setTopic(e.currentTarget.value as Topic)}
          />
          <NativeSelect
            label={t('fields.sourceLang')}
            value={sourceLang}
            error={errors.sourceLang}
            data={INFO_LANGUAGES.map((l) => ({ value: l.tag, label: languageLabel(l.tag) }))}
            onChange={(e) => setSourceLang(e.currentTarget.value as LanguageTag)}
          />
          <ContentFields value={content} onChange={setContent} lang={sourceLang} errors={errors} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
