import type { AuthenticateRequestOptions } from '../authenticate/options';
import { constants } from '../constants';

const { Headers: H } = constants;

/** The request headers either call form reads, each `undefined` when missing or empty. */
export interface RequestHeaders {
  authorization: string | undefined;
  cookie: string | undefined;
  origin: string | undefined;
  host: string | undefined;
  forwardedHost: string | undefined;
  forwardedPort: string | undefined;
  cloudFrontForwardedProto: string | undefined;
  forwardedProto: string | undefined;
  referrer: string | undefined;
  userAgent: string | undefined;
  secFetchDest: string | undefined;
  accept: string | undefined;
}

// Header name -> field of `RequestHeaders`.
const FIELDS = new Map<string, keyof RequestHeaders>([
  [H.Authorization, 'authorization'],
  ['cookie', 'cookie'],
  [H.Origin, 'origin'],
  [H.Host, 'host'],
  [H.ForwardedHost, 'forwardedHost'],
  [H.ForwardedPort, 'forwardedPort'],
  [H.CloudFrontForwardedProto, 'cloudFrontForwardedProto'],
  [H.ForwardedProto, 'forwardedProto'],
  [H.Referrer, 'referrer'],
  [H.UserAgent, 'userAgent'],
  ['sec-fetch-dest', 'secFetchDest'],
  ['accept', 'accept'],
]);

/** `forEach` callback with the record as `this`: one function for every request, not a closure per request. */
function storeField(this: RequestHeaders, value: string, name: string): void {
  const field = FIELDS.get(name);
  if (field) this[field] = value || undefined;
}

/** A record with no header read yet. */
const noHeaders = (): RequestHeaders => ({
  authorization: undefined,
  cookie: undefined,
  origin: undefined,
  host: undefined,
  forwardedHost: undefined,
  forwardedPort: undefined,
  cloudFrontForwardedProto: undefined,
  forwardedProto: undefined,
  referrer: undefined,
  userAgent: undefined,
  secFetchDest: undefined,
  accept: undefined,
});

/**
 * Reads every header the call forms use, in one pass over a native `Headers` (each `get()` of one converts and
 * validates its argument, which on Node 20 costs as much as visiting a few headers) and with `get()` for any
 * other object (a polyfill, a subclass). Both give the values `get()` gives, names being case-insensitive.
 */
export function readHeaders(headers: Pick<Headers, 'get'>): RequestHeaders {
  const read = noHeaders();
  // The global is read here, not at import: on Node, reading it loads the fetch implementation.
  if (typeof Headers === 'function' && Object.getPrototypeOf(headers) === Headers.prototype) {
    // Native iteration yields lower-case names, each once, with the value `get()` returns.
    (headers as Headers).forEach(storeField, read);
  } else {
    for (const [name, field] of FIELDS) read[field] = headers.get(name) || undefined;
  }
  return read;
}

/**
 * The headers the 0.x form reads before its state exists. In development or for a satellite (rules 2, 3 and 7
 * read the user agent, the referrer and the host), or when the request has an `Origin` (rule 1 compares it with
 * the host), every one, as `readHeaders` reads them. Otherwise no rule reads more than `Authorization`, `Cookie`
 * and `Origin`, and the others stay `undefined` until `withRequestHeaders` fills them for `debug()`: three
 * `get()` cost less than one pass over a new request's headers, and allocate nothing.
 */
export function readFlowHeaders(headers: Pick<Headers, 'get'>, devOrSatellite: boolean): RequestHeaders {
  if (devOrSatellite || headers.get(H.Origin)) return readHeaders(headers);
  return readNamedHeaders(headers, TOKEN_HEADERS);
}

/** The headers that carry a token. */
export const TOKEN_HEADERS = [H.Authorization, 'cookie'] as const;

/** Only the named headers (names `readHeaders` reads), with `get()`; the record's other fields stay `undefined`. */
export function readNamedHeaders(headers: Pick<Headers, 'get'>, names: readonly string[]): RequestHeaders {
  const read = noHeaders();
  for (const name of names) read[FIELDS.get(name) as keyof RequestHeaders] = headers.get(name) || undefined;
  return read;
}

/** The request values of the 0.x form's merged options that come from headers (see `readFlowHeaders`). */
type RequestValues = Pick<
  AuthenticateRequestOptions,
  'request' | 'host' | 'forwardedHost' | 'forwardedPort' | 'forwardedProto' | 'referrer' | 'userAgent'
>;

/**
 * Completes the merged options of a request `readFlowHeaders` read in part, for the debug data, which is 0.x's
 * merged option set with every header value in it: a field that has a value (an explicit option, or a header read
 * before) keeps it, any other takes its header's, as `readRequest` gives it. Options read in full, or without a
 * request, come back as they are. It writes into `options`, the call's own object.
 */
export function withRequestHeaders<T extends object>(options: T): T {
  const values = options as RequestValues;
  if (values.request) {
    const read = readHeaders(values.request.headers);
    values.host ||= read.host;
    values.forwardedHost ||= read.forwardedHost;
    values.forwardedPort ||= read.forwardedPort;
    values.forwardedProto ||= read.cloudFrontForwardedProto || read.forwardedProto;
    values.referrer ||= read.referrer;
    values.userAgent ||= read.userAgent;
  }
  return options;
}
