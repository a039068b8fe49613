import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf } from './languages';

/**
 * The server-rendered article in an iframe with the public site's own stylesheet: what readers
 * will see, isolated from the app's styles. The iframe may not run scripts (sandbox without
 * allow-scripts), and the HTML comes from the same allow-list renderer as the public pages.
 */
export function PreviewFrame({ html, lang }: { html: string; lang: string }) {
  const { t } = useTranslation('information');
  const document = `<!doctype html><html lang="${lang}" dir="${directionOf(lang)}"><head><meta charset="utf-8"><link rel="stylesheet" href="/info/assets/info.css"></head><body><main>${html}</main></body></html>`;
  return (
    <Paper withBorder p={0}>
      <Text size="sm" fw={600} p="xs">
        {t('editor.previewTitle')}
      </Text>
      <iframe
        title={t('editor.previewTitle')}
        sandbox="allow-same-origin"
        srcDoc={document}
        style={{ width: '100%', height: 520, border: 0, background: '#fff' }}
        data-testid="article-preview"
      />
    </Paper>
  );
}
