/** Codes of the errors the request layer reports itself (the server's own codes pass through unchanged). */
export const RequestErrorCode = {
  /** fetch failed: connection refused, DNS failure, TLS, reset. */
  NetworkError: 'network_error',
  /** No response (or body) within `timeoutInMs`. */
  Timeout: 'request_timeout',
  /** The caller's AbortSignal fired. */
  Aborted: 'request_aborted',
  /** A body declared JSON that does not parse. */
  UnparsableResponse: 'unparsable_response',
  /** An error status without a Backend API error body, or a non-JSON body where JSON was expected. */
  UnexpectedResponse: 'unexpected_response',
  /** The response could not be turned into resources. */
  UnexpectedError: 'unexpected_error',
} as const;

export type RequestErrorCode = (typeof RequestErrorCode)[keyof typeof RequestErrorCode];
