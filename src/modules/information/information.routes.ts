import type { RouteApp } from '../../server/http/types.js';
import { articlesRoutes } from './articles.routes.js';
import { counsellingRoutes } from './counselling.routes.js';
import { publicSiteRoutes } from './public-site/public.routes.js';

/** Everything the information module serves: authoring API, counselling API, public site. */
export async function informationRoutes(app: RouteApp): Promise<void> {
  await articlesRoutes(app);
  await counsellingRoutes(app);
  await publicSiteRoutes(app);
}
