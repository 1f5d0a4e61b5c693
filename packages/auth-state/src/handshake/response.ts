/** Anything with response headers: every current-form state. */
export interface StateWithHeaders {
  /** The headers the state asks to send. */
  headers: Headers;
}

/**
 * The `307` redirect a framework adapter answers for a state that carries `location` (a handshake, or the
 * clean-URL redirect after a development handshake), with every header of the state (`set-cookie`,
 * `cache-control`, the debug headers); `null` when the state has no `location`, so the request proceeds.
 *
 * @example
 * const state = await clerk.authenticateRequest(request);
 * const redirect = redirectResponseFor(state);
 * if (redirect) return redirect;
 */
export function redirectResponseFor(state: StateWithHeaders): Response | null {
  if (!state.headers.get('location')) return null;
  return new Response(null, { status: 307, headers: new Headers(state.headers) });
}
