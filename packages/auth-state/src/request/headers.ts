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

/**
 * Reads every header the call forms use, in one pass over a native `Headers` (each `get()` of one converts and
 * validates its argument, which on Node 20 costs as much as visiting a few headers) and with `get()` for any
 * other object (a polyfill, a subclass). Both give the values `get()` gives, names being case-insensitive.
 */
export function readHeaders(headers: Pick<Headers, 'get'>): RequestHeaders {
  const read: RequestHeaders = {
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
  };
  // The global is read here, not at import: on Node, reading it loads the fetch implementation.
  if (typeof Headers === 'function' && Object.getPrototypeOf(headers) === Headers.prototype) {
    // Native iteration yields lower-case names, each once, with the value `get()` returns.
    (headers as Headers).forEach(storeField, read);
  } else {
    for (const [name, field] of FIELDS) read[field] = headers.get(name) || undefined;
  }
  return read;
}
