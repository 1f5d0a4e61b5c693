import { resourceClasses } from '../generated/resources';
import { buildQuery } from './buildUrl';
import type { HttpMethod, Operation, ResourceClass } from './operation';
import type { ApiResult, CallOptions, RequestFunction } from './types';

/** One Backend API call by hand, for an operation the client has no method for yet. */
export interface RawRequestOptions {
  /** The HTTP method. */
  method: HttpMethod;
  /** The path after the version segment, as the spec writes it: `/users/user_123/organization_memberships`. */
  path: string;
  /** Query parameters; keys are snake_cased like every method's (wire names pass unchanged), arrays repeat. */
  query?: Record<string, unknown>;
  /** A JSON body (not sent for GET); top-level keys are snake_cased like every method's. */
  body?: Record<string, unknown> | unknown[];
}

/** Each item becomes the resource class of its `object` type; an unknown type stays plain JSON. */
const byObjectType: ResourceClass = {
  fromJSON(json: { object?: unknown }) {
    const resource = resourceClasses.find(candidate => candidate.objectTypes.includes(json.object as string));
    return resource ? resource.fromJSON(json as never) : json;
  },
};

/**
 * `request({ method, path, query, body })`: the escape hatch. It goes through the same request function as
 * every method (auth, `Clerk-API-Version`, retries, timeouts, `AbortSignal`, error entries) and resolves
 * `{ data, errors }`, with resources by their `object` type and `totalCount` for pages.
 */
export function createRawRequest(request: RequestFunction) {
  return function rawRequest<T = unknown>(
    { method, path, query, body }: RawRequestOptions,
    options?: CallOptions,
  ): Promise<ApiResult<T>> {
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new TypeError(`request(): path must start with "/" (got ${JSON.stringify(path)}).`);
    const operation: Operation<T> = {
      method,
      // braces are not placeholders here; the query is part of the path
      path: path.replace(/[{}]/g, encodeURIComponent) + buildQuery(query),
      resource: byObjectType,
      ...(body === undefined ? {} : { input: 'json' as const }),
    };
    return request(operation, [], body, options);
  };
}
