/** Every route with the permission it declared, gathered by onRoute for the authorization matrix test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  permission: string;
}

export function collectRoutes(): { routes: DeclaredRoute[]; add(route: DeclaredRoute): void } {
  const routes: DeclaredRoute[] = [];
  return { routes, add: (route) => routes.push(route) };
}
