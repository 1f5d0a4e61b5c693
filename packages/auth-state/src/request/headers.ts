import { constants } from '../constants';

const { Headers: H } = constants;

/** The request headers the 0.x call form reads, each `undefined` when missing or empty. */
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
}

/**
 * Reads every header the 0.x form uses, in one pass over a native `Headers` (each `get()` of one converts and
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
  };
  // The global is read here, not at import: on Node, reading it loads the fetch implementation.
  if (typeof Headers === 'function' && Object.getPrototypeOf(headers) === Headers.prototype) {
    // Native iteration yields lower-case names, each once, with the value `get()` returns.
    (headers as Headers).forEach((value, name) => {
      switch (name) {
        case H.Authorization:
          read.authorization = value || undefined;
          break;
        case 'cookie':
          read.cookie = value || undefined;
          break;
        case H.Origin:
          read.origin = value || undefined;
          break;
        case H.Host:
          read.host = value || undefined;
          break;
        case H.ForwardedHost:
          read.forwardedHost = value || undefined;
          break;
        case H.ForwardedPort:
          read.forwardedPort = value || undefined;
          break;
        case H.CloudFrontForwardedProto:
          read.cloudFrontForwardedProto = value || undefined;
          break;
        case H.ForwardedProto:
          read.forwardedProto = value || undefined;
          break;
        case H.Referrer:
          read.referrer = value || undefined;
          break;
        case H.UserAgent:
          read.userAgent = value || undefined;
          break;
      }
    });
    return read;
  }
  const get = (name: string) => headers.get(name) || undefined;
  read.authorization = get(H.Authorization);
  read.cookie = get('cookie');
  read.origin = get(H.Origin);
  read.host = get(H.Host);
  read.forwardedHost = get(H.ForwardedHost);
  read.forwardedPort = get(H.ForwardedPort);
  read.cloudFrontForwardedProto = get(H.CloudFrontForwardedProto);
  read.forwardedProto = get(H.ForwardedProto);
  read.referrer = get(H.Referrer);
  read.userAgent = get(H.UserAgent);
  return read;
}
