// Type test, checked by `tsc` (the typecheck script), never run: the request states and auth objects are
// discriminated unions, so the checks below narrow to `string` ids. An unused `@ts-expect-error` fails too.
import type { CurrentAuthObject } from '../auth-objects/current';
import type { AuthObject } from '../auth-objects/types';
import type { RequestState } from './request-state';

export function signedInStateHasStringIds(state: RequestState): string[] {
  // @ts-expect-error before narrowing, toAuth() may be null
  state.toAuth().userId;
  if (state.isSignedIn) {
    const auth = state.toAuth();
    const ids: string[] = [auth.sessionId, auth.userId, auth.sessionClaims.sid, state.token];
    return ids;
  }
  // @ts-expect-error a state that is not signed in has no token
  const token: string = state.token;
  return [token];
}

export function statusNarrowsToo(state: RequestState): string | null {
  if (state.status === 'signed-in') return state.toAuth().sessionId;
  if (state.isInterstitial || state.isUnknown) {
    const none: null = state.toAuth();
    return none;
  }
  const signedOut: null = state.toAuth().sessionId;
  return signedOut;
}

export function authObjectsNarrow(auth: AuthObject, current: CurrentAuthObject): string[] {
  // @ts-expect-error either auth object: the id may be null
  const maybe: string = auth.userId;
  const ids = [maybe];
  if (auth.userId !== null) ids.push(auth.sessionId, auth.sessionClaims.sid);
  if (current.isAuthenticated) ids.push(current.sessionId, current.userId, current.sessionClaims.sid);
  else {
    const none: null = current.userId;
    ids.push(String(none));
  }
  return ids;
}
