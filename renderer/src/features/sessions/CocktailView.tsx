import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionCocktail } from '../../../../shared/api/sessions';
import { formatDay } from '../../lib/dates';

/** A signed note's syringes: the products and lots drawn, the total, and how it was spread. */
export function CocktailView({ cocktails }: { cocktails: SessionCocktail[] }) {
  const { t } = useTranslation();
  if (cocktails.length === 0) return null;
  return (
    <List spacing={4} size="sm" aria-label={t('cocktails.title')}>
      {cocktails.map((c, i) => (
        <List.Item key={i} data-testid="cocktail-view">
          <Text size="sm" fw={600}>
            {t('cocktails.viewLine', {
              label: `${c.label || t('cocktails.unnamed', { s: i + 1 })} · `,
              total: c.totalVolumeMl ?? '—',
              products: c.components
                .map(
                  (p) =>
                    `${p.productName} ${p.volumeMl ?? '—'} ml (${t('sessions.lotOption', {
                      lot: p.lotNumber,
                      date: formatDay(p.expiresOn),
                    })})`,
                )
                .join(' + '),
            })}
          </Text>
          <Text size="sm">
            {t('cocktails.viewSpread', {
              areas: c.areas
                .map((a) => `${t(`treatmentAreas.${a.area}`)} ${a.volumeMl ?? '—'} ml`)
                .join(', '),
            })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
