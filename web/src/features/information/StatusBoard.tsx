import { Anchor, Badge, Button, Center, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { useArticles } from './api';
import { INFO_LANGUAGES } from './languages';
import type { Article, LanguageCell } from './types';

const COLOURS: Record<LanguageCell['state'], string> = {
  missing: 'gray',
  draft: 'blue',
  in_review: 'violet',
  published: 'green',
  archived: 'dark',
};

function Cell({ article, cell }: { article: Article; cell: LanguageCell }) {
  const { t } = useTranslation('information');
  const language = INFO_LANGUAGES.find((l) => l.tag === cell.lang);
  const state = cell.outdated ? t('states.outdated') : t(`states.${cell.state}`);
  return (
    <Anchor
      component={Link}
      to={`/information/articles/${article.id}/${cell.lang}`}
      aria-label={t('board.open', { article: article.title, language: language?.name ?? cell.lang, state })}
      data-state={cell.outdated ? 'outdated' : cell.state}
      data-lang={cell.lang}
    >
      <Stack gap={2} align="center">
        <Badge color={COLOURS[cell.state]} variant={cell.state === 'missing' ? 'outline' : 'light'} size="sm">
          {t(`states.${cell.state}`)}
        </Badge>
        {cell.outdated && (
          <Badge color="orange" variant="filled" size="sm">
            {t('states.outdated')}
          </Badge>
        )}
        {cell.isSource && (
          <Text size="xs" c="dimmed">
            {t('board.source')}
          </Text>
        )}
      </Stack>
    </Anchor>
  );
}

/** Articles × languages: which language is missing, in progress, published or outdated. */
export function StatusBoard() {
  const { t } = useTranslation('information');
  const articles = useArticles();
  const items = articles.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('board.intro')}</Text>
      {articles.isPending && <PageLoader label={t('common:loading')} />}
      {articles.isError && <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />}
      {articles.isSuccess && items.length === 0 && <Text>{t('board.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={1200}>
          <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="status-board">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('board.article')}</Table.Th>
                {INFO_LANGUAGES.map((l) => (
                  <Table.Th key={l.tag} ta="center">
                    <span lang={l.tag} dir={l.dir}>
                      {l.ownName}
                    </span>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {l.tag}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((article) => (
                <Table.Tr key={article.id} data-slug={article.slug}>
                  <Table.Th scope="row">
                    <Text fw={600} size="sm">
                      {article.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`topics.${article.topic}`)}
                    </Text>
                  </Table.Th>
                  {article.languages.map((cell) => (
                    <Table.Td key={cell.lang} ta="center">
                      <Cell article={article} cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {articles.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void articles.fetchNextPage()}
            loading={articles.isFetchingNextPage}
          >
            {t('common:actions.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
