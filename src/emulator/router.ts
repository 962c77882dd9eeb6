/**
 * Routes a provider's requests by the path templates of its OpenAPI file (find-my-way does the
 * matching; templates are registered as the spec writes them, `{user_id}` style).
 */
import createRouter from 'find-my-way';
import type { Route } from './provider.js';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class ProviderRouter {
  private readonly router = createRouter({ ignoreTrailingSlash: false, ignoreDuplicateSlashes: false });

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const path = route.template.replace(/\{([^}]+)\}/g, ':$1');
      this.router.on(route.method, path, () => undefined, { route });
    }
  }

  /** The route for `method path`, or undefined; an empty path parameter never matches. */
  find(method: string, path: string): RouteMatch | undefined {
    let found;
    try {
      found = this.router.find(method as 'GET', path);
    } catch {
      return undefined; // a malformed percent-encoding in the path
    }
    if (!found) return undefined;
    const params = { ...found.params } as Record<string, string>;
    if (Object.values(params).some((value) => value === '')) return undefined;
    const { route } = found.store as { route: Route };
    return { route, params };
  }
}
