import { SessionsEndpoints } from '../generated/endpoints/sessions';
import { Session, Token } from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { ApiResult, CallOptions } from '../request/types';
import { withoutFalsy } from './withoutFalsy';

type SessionStatus = 'abandoned' | 'active' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked';

export type SessionListParams = {
  /** List sessions for the given client */
  clientId?: string;
  /** List sessions for the given user */
  userId?: string;
  /** Filter sessions by the provided status */
  status?: SessionStatus;
  [passThrough: string]: unknown;
};

/** `sessions`: the 0.x methods, then every other session operation of the spec. */
export class SessionAPI extends SessionsEndpoints {
  /** List all sessions (GET /sessions). */
  getSessionList(queryParams: SessionListParams = {}, options?: CallOptions) {
    return this.request(
      defineOperation<Session[]>('GET /sessions query', Session),
      [],
      withoutFalsy(queryParams),
      options,
    );
  }

  /** Retrieve a session (GET /sessions/{session_id}). */
  getSession(sessionId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Session>('GET /sessions/{session_id}', Session),
      [sessionId],
      undefined,
      options,
    );
  }

  /** Revoke a session (POST /sessions/{session_id}/revoke). */
  revokeSession(sessionId: string, options?: CallOptions) {
    return this.request(
      defineOperation<Session>('POST /sessions/{session_id}/revoke', Session),
      [sessionId],
      undefined,
      options,
    );
  }

  /**
   * @deprecated The Backend API answers 410 (2021-02-05, 2024-10-01), and the operation is removed from 2025-04-10 on
   * (a client pinned to a later `clerkApiVersion` gets 404); verify session tokens networkless with `verifyToken`.
   */
  verifySession(sessionId: string, token: string, options?: CallOptions) {
    return this.request(
      defineOperation<Session>('POST /sessions/{session_id}/verify json', Session),
      [sessionId],
      { token },
      options,
    );
  }

  /** The session's JWT, from a JWT template when `template` is given. */
  async getToken(sessionId: string, template?: string, options?: CallOptions): Promise<ApiResult<string>> {
    const result = template
      ? await this.request(
          defineOperation<Token>('POST /sessions/{session_id}/tokens/{template_name} json', Token),
          [sessionId, template],
          undefined,
          options,
        )
      : await this.request(
          defineOperation<Token>('POST /sessions/{session_id}/tokens json', Token),
          [sessionId],
          undefined,
          options,
        );
    if (result.errors) return result;
    return { ...result, data: result.data.jwt };
  }
}
