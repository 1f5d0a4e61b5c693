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

/**
 * Reads every header the call forms use, with one `get()` each (names are case-insensitive), for a native
 * `Headers` and any other object alike. Not `forEach`: a server reads each request once, and on Node 20 the first
 * `forEach` over a request's `Headers` counts some 80,000 instructions where these twelve `get()` calls count
 * about 20,000; in CPU time the two are level (bench/README.md, fifth round).
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
  for (const [name, field] of FIELDS) read[field] = headers.get(name) || undefined;
  return read;
}
