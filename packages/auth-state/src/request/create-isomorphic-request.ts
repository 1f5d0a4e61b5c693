import { buildRequestUrl } from './build-request-url';

/** Builds a request with the runtime's own constructors, its URL rewritten from the forwarded headers. */
export function createIsomorphicRequest(
  build: (RequestClass: typeof Request, HeadersClass: typeof Headers) => Request,
): Request {
  const request = build(Request, Headers);
  return new Request(buildRequestUrl(request), request);
}
