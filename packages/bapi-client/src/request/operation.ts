/** A resource class as the deserializer sees it. */
export interface ResourceClass<R = unknown> {
  fromJSON(json: any): R;
  readonly objectTypes?: readonly string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One Backend API operation: what the request layer needs to call it. `T` is what a successful call yields.
 * `path` names its parameters in braces (`/users/{user_id}`); they are filled in order.
 */
export interface Operation<T> {
  readonly method: HttpMethod;
  readonly path: string;
  /** Where the caller's input goes: the query string, a JSON body or a multipart form. */
  readonly input?: 'query' | 'json' | 'multipart';
  /** Query keys sent as one comma-separated value instead of repeated keys. */
  readonly commaSeparated?: readonly string[];
  /** The class a JSON response (or each item of a list) becomes. */
  readonly resource?: ResourceClass;
  /** The response is text (HTML), passed through as a string. */
  readonly text?: boolean;
  /** Never set: carries the result type. */
  readonly resultType?: T;
}
