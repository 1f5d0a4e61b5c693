import { constants } from '../constants';
import { buildOrigin } from './origin';

/**
 * The URL the client actually requested, rebuilt from the forwarded headers. Without `path` the request's
 * own path, query string and hash are kept (0.x dropped the query, hiding the satellite-sync parameters).
 */
export function buildRequestUrl(request: Request, path?: string): URL {
  const url = new URL(request.url);
  const origin = buildOrigin({
    protocol: url.protocol,
    forwardedProto: request.headers.get(constants.Headers.ForwardedProto),
    forwardedHost: request.headers.get(constants.Headers.ForwardedHost),
    host: request.headers.get(constants.Headers.Host) || url.host,
  });
  return new URL(path || `${url.pathname}${url.search}${url.hash}`, origin);
}
