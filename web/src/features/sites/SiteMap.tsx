import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fitViewport, type LatLon, outlinePath, outlineVertices, project, tilesFor } from './map-projection';
import type { Site, SiteKind } from './types';

// Optional raster tiles, e.g. a same-origin tile server ("/tiles/{z}/{x}/{y}.png"): the content
// security policy allows images from this origin only. Without it the map is points on a plain
// background and needs no network beyond this server.
const TILE_URL = import.meta.env.VITE_SITES_TILE_URL as string | undefined;
const TILE_ATTRIBUTION = import.meta.env.VITE_SITES_TILE_ATTRIBUTION as string | undefined;

const WIDTH = 800;
const HEIGHT = 460;

export const KIND_COLOURS: Record<SiteKind, string> = {
  informal_settlement: '#c92a2a',
  camp_zone: '#e8590c',
  reception_centre: '#1971c2',
  orientation_centre: '#2f9e44',
  transit_point: '#862e9c',
  other: '#495057',
};

const isEnded = (site: Site) => site.status === 'dismantled' || site.status === 'closed';

interface Props {
  sites: Site[];
  label: string;
  highlightId?: string;
}

/** Sites as points (and outlines) in Web Mercator; each point is a link to the site's page. */
export function SiteMap({ sites, label, highlightId }: Props) {
  const { t } = useTranslation('sites');
  const placed = sites.filter(
    (s): s is Site & { location: LatLon & { outline?: unknown } } => s.location !== null,
  );
  const vertices = placed.flatMap((s) => [s.location, ...outlineVertices(s.location.outline)]);
  const view = fitViewport(vertices, WIDTH, HEIGHT);
  const showLabels = placed.length <= 10;
  const tiles = TILE_URL ? tilesFor(view, TILE_URL) : [];

  return (
    <Box>
      {/* Geography does not mirror in right-to-left languages. */}
      <Box
        component="figure"
        aria-label={label}
        m={0}
        dir="ltr"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          data-testid="sites-map"
          style={{ display: 'block', background: '#eef3f6' }}
        >
          <title>{label}</title>
          {tiles.map((tile) => (
            <image
              key={tile.key}
              href={tile.url}
              x={tile.x}
              y={tile.y}
              width={tile.size}
              height={tile.size}
            />
          ))}
          {placed.map((site) => {
            const d = outlinePath(view, site.location.outline);
            return d ? (
              <path
                key={`outline-${site.id}`}
                d={d}
                fill={KIND_COLOURS[site.kind]}
                fillOpacity={0.08}
                stroke={KIND_COLOURS[site.kind]}
                strokeDasharray="4 3"
              />
            ) : null;
          })}
          {placed.map((site) => {
            const p = project(view, site.location);
            const colour = KIND_COLOURS[site.kind];
            const highlighted = site.id === highlightId;
            const name = `${site.name} — ${t(`kinds.${site.kind}`)}, ${t(`statuses.${site.status}`)}`;
            return (
              <Link key={site.id} to={`/sites/${site.id}`} aria-label={name} data-testid="map-point">
                <title>{name}</title>
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={highlighted ? 9 : 6}
                  fill={isEnded(site) ? '#ffffff' : colour}
                  stroke={isEnded(site) ? '#868e96' : '#ffffff'}
                  strokeWidth={2}
                />
                {showLabels && (
                  <text
                    x={p.x + 10}
                    y={p.y + 4}
                    fontSize={13}
                    fill="#212529"
                    stroke="#ffffff"
                    strokeWidth={3}
                    paintOrder="stroke"
                  >
                    {site.name}
                  </text>
                )}
              </Link>
            );
          })}
        </svg>
      </Box>
      <Group gap="md" mt={6} wrap="wrap">
        {(Object.keys(KIND_COLOURS) as SiteKind[])
          .filter((kind) => placed.some((s) => s.kind === kind))
          .map((kind) => (
            <Group key={kind} gap={4}>
              <Box w={10} h={10} style={{ borderRadius: 5, background: KIND_COLOURS[kind] }} aria-hidden />
              <Text size="xs">{t(`kinds.${kind}`)}</Text>
            </Group>
          ))}
        {placed.some(isEnded) && (
          <Group gap={4}>
            <Box w={10} h={10} style={{ borderRadius: 5, border: '2px solid #868e96' }} aria-hidden />
            <Text size="xs">{t('map.legendEnded')}</Text>
          </Group>
        )}
        {TILE_ATTRIBUTION && tiles.length > 0 && (
          <Text size="xs" c="dimmed">
            {TILE_ATTRIBUTION}
          </Text>
        )}
      </Group>
      {placed.length === 0 && <Text size="sm">{t('map.empty')}</Text>}
      {placed.length < sites.length && placed.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('map.unplaced', { count: sites.length - placed.length })}
        </Text>
      )}
    </Box>
  );
}
