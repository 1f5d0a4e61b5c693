/** A resource class as the deserializer sees it. */
export interface ResourceClass<R = unknown> {
  /** Builds the resource from its Backend API JSON. */
  fromJSON(json: any): R;
  /** The `object` values it is built from; absent: any JSON. */
  readonly objectTypes?: readonly string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One Backend API operation: what the request layer needs to call it. `T` is what a successful call yields.
 * `path` names its parameters in braces (`/users/{user_id}`); they are filled in order.
 */
export interface Operation<T> {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** The path after the version segment, as the spec writes it (`/users/{user_id}`). */
  readonly path: string;
  /** Where the caller's input goes: the query string, a JSON body or a multipart form. */
  readonly input?: 'query' | 'json' | 'multipart';
  /** Query keys sent as one comma-separated value instead of repeated keys. */
  readonly commaSeparated?: readonly string[];
  /** The class a JSON response (or each item of a list) becomes; several: the one of each item's `object`. */
  readonly resource?: ResourceClass | readonly ResourceClass[];
  /** The response is text (HTML), passed through as a string. */
  readonly text?: boolean;
  /** The page's list is under this key instead of `data` (`{ m2m_tokens: [...], total_count }`). */
  readonly listKey?: string;
  /** The resource applies only to items whose `object` is one of its types (the response has other shapes). */
  readonly strict?: boolean;
  /** Never set: carries the result type. */
  readonly resultType?: T;
}

/** One object per form: the exported operation and the endpoint method that calls it share it. */
const operationsByForm = new Map<string, Operation<unknown>>();

/**
 * An operation from its compact generated form,
 * `METHOD /path [query|json|multipart] [text] [comma:key,key] [list:key] [strict]`,
 * as the same object a literal would give (absent parts stay absent keys). A form names one operation
 * (method and path are unique in the spec), so its first definition is returned for every later one.
 */
export function defineOperation<T>(
  form: string,
  resource?: ResourceClass | readonly ResourceClass[],
): Operation<T> {
  const known = operationsByForm.get(form);
  if (known) return known as Operation<T>;
  const [method, path, ...flags] = form.split(' ') as [HttpMethod, string, ...string[]];
  const operation: { -readonly [K in keyof Operation<T>]: Operation<T>[K] } = { method, path };
  for (const flag of flags) {
    if (flag === 'text' || flag === 'strict') continue;
    if (flag.startsWith('comma:')) operation.commaSeparated = flag.slice(6).split(',');
    else if (flag.startsWith('list:')) operation.listKey = flag.slice(5);
    else operation.input = flag as Operation<T>['input'];
  }
  if (resource) operation.resource = resource;
  if (flags.includes('text')) operation.text = true;
  if (flags.includes('strict')) operation.strict = true;
  operationsByForm.set(form, operation);
  return operation;
}
