/**
 * Web Mercator, so that optional raster tiles line up with the points; without tiles it is just
 * a projection onto a plain background. Pure functions, in pixels of a fixed-size SVG.
 */

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** World coordinates in [0, 1]² (x east, y south), as slippy-map tiles use. */
export function toWorld({ latitude, longitude }: LatLon): { x: number; y: number } {
  const clamped = Math.max(-85.05, Math.min(85.05, latitude));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return {
    x: (longitude + 180) / 360,
    y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
  };
}

export interface Viewport {
  width: number;
  height: number;
  /** Pixels per world unit. */
  scale: number;
  /** World coordinates of the top-left corner. */
  originX: number;
  originY: number;
}

// About 1.5 km at Calais: a single site is shown with its surroundings, not as a dot in a void.
const MIN_SPAN = 0.00006;

/** The viewport that fits every point (and outline vertex) with a margin. */
export function fitViewport(points: LatLon[], width: number, height: number, margin = 0.12): Viewport {
  const world = points.map(toWorld);
  const xs = world.map((p) => p.x);
  const ys = world.map((p) => p.y);
  const [minX, maxX, minY, maxY] = xs.length
    ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
    : [0.5, 0.5, 0.33, 0.33];
  const spanX = Math.max(maxX - minX, MIN_SPAN);
  const spanY = Math.max(maxY - minY, MIN_SPAN);
  const scale = Math.min(width / (spanX * (1 + 2 * margin)), height / (spanY * (1 + 2 * margin)));
  return {
    width,
    height,
    scale,
    originX: (minX + maxX) / 2 - width / 2 / scale,
    originY: (minY + maxY) / 2 - height / 2 / scale,
  };
}

export function project(view: Viewport, point: LatLon): { x: number; y: number } {
  const world = toWorld(point);
  return { x: (world.x - view.originX) * view.scale, y: (world.y - view.originY) * view.scale };
}

export interface Tile {
  key: string;
  url: string;
  x: number;
  y: number;
  size: number;
}

/** The 256-pixel tiles covering the viewport, from a `{z}/{x}/{y}` URL template. */
export function tilesFor(view: Viewport, template: string): Tile[] {
  const zoom = Math.max(0, Math.min(18, Math.floor(Math.log2(view.scale / 256))));
  const count = 2 ** zoom;
  const size = view.scale / count;
  const first = { x: Math.floor(view.originX * count), y: Math.floor(view.originY * count) };
  const last = {
    x: Math.floor((view.originX + view.width / view.scale) * count),
    y: Math.floor((view.originY + view.height / view.scale) * count),
  };
  const tiles: Tile[] = [];
  for (let ty = Math.max(0, first.y); ty <= Math.min(count - 1, last.y); ty += 1) {
    for (let tx = Math.max(0, first.x); tx <= Math.min(count - 1, last.x); tx += 1) {
      tiles.push({
        key: `${zoom}/${tx}/${ty}`,
        url: template.replace('{z}', String(zoom)).replace('{x}', String(tx)).replace('{y}', String(ty)),
        x: (tx / count - view.originX) * view.scale,
        y: (ty / count - view.originY) * view.scale,
        size,
      });
    }
  }
  return tiles;
}

/** GeoJSON outline rings ([longitude, latitude] positions) as SVG path data. */
export function outlinePath(view: Viewport, outline: unknown): string | null {
  const geometry = outline as { type?: string; coordinates?: unknown } | null;
  if (!geometry || !Array.isArray(geometry.coordinates)) return null;
  const polygons = (
    geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]
  ) as number[][][][];
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.map(([longitude = 0, latitude = 0]) => project(view, { latitude, longitude }));
      if (points.length > 0)
        parts.push(`M${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('L')}Z`);
    }
  }
  return parts.length > 0 ? parts.join('') : null;
}

/** Every vertex of an outline, so the viewport fits the whole shape. */
export function outlineVertices(outline: unknown): LatLon[] {
  const geometry = outline as { type?: string; coordinates?: unknown } | null;
  if (!geometry || !Array.isArray(geometry.coordinates)) return [];
  const polygons = (
    geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]
  ) as number[][][][];
  return polygons
    .flat(1)
    .flat(1)
    .map(([longitude = 0, latitude = 0]) => ({ latitude, longitude }));
}
