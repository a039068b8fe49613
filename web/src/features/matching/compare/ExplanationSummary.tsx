import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContributionLabel } from '../format';
import type { FieldContribution } from '../types';

/** Below this many bits a field barely moves the score: it is not named in the summary. */
const NOTABLE = 0.5;

/**
 * The waterfall in two sentences, for a reader who does not think in bits: the fields that count
 * most for the same person and most against, each with what happened to it ("Name: same name,
 * other spelling or script"). The prior is not evidence and is left out.
 */
export function ExplanationSummary({ explanation }: { explanation: FieldContribution[] }) {
  const { t, i18n } = useTranslation('matching');
  const label = useContributionLabel();
  const evidence = explanation.filter((c) => c.field !== 'prior' && Math.abs(c.weight) >= NOTABLE);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const words = (items: FieldContribution[]) =>
    list.format(
      items.map((c) => {
        const { field, level } = label(c);
        return `${field} (${level})`;
      }),
    );
  const forSame = evidence.filter((c) => c.weight > 0).sort((a, b) => b.weight - a.weight);
  const against = evidence.filter((c) => c.weight < 0).sort((a, b) => a.weight - b.weight);
  return (
    <div data-testid="explanation-summary">
      {forSame.length > 0 && <Text size="sm">{t('chart.for', { items: words(forSame.slice(0, 3)) })}</Text>}
      <Text size="sm">
        {against.length > 0
          ? t('chart.against', { items: words(against.slice(0, 3)) })
          : t('chart.nothingAgainst')}
      </Text>
    </div>
  );
}
