import { SessionsEndpoints } from '../generated/endpoints/sessions';
import {
  CreateSessionToken,
  CreateSessionTokenFromTemplate,
  GetSession,
  GetSessionList,
  RevokeSession,
  VerifySession,
} from '../generated/operations';
import type { ApiResult, CallOptions } from '../request/types';
import { withoutFalsy } from './withoutFalsy';

type SessionStatus = 'abandoned' | 'active' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked';

export type SessionListParams = {
  clientId?: string;
  userId?: string;
  status?: SessionStatus;
  [passThrough: string]: unknown;
};

/** `sessions`: the 0.x methods, then every other session operation of the spec. */
export class SessionAPI extends SessionsEndpoints {
  getSessionList(queryParams: SessionListParams = {}, options?: CallOptions) {
    return this.request(GetSessionList, [], withoutFalsy(queryParams), options);
  }

  getSession(sessionId: string, options?: CallOptions) {
    return this.request(GetSession, [sessionId], undefined, options);
  }

  revokeSession(sessionId: string, options?: CallOptions) {
    return this.request(RevokeSession, [sessionId], undefined, options);
  }

  /** @deprecated The Backend API answers 410; verify session tokens networkless instead. */
  verifySession(sessionId: string, token: string, options?: CallOptions) {
    return this.request(VerifySession, [sessionId], { token }, options);
  }

  /** The session's JWT, from a JWT template when `template` is given. */
  async getToken(sessionId: string, template?: string, options?: CallOptions): Promise<ApiResult<string>> {
    const result = template
      ? await this.request(CreateSessionTokenFromTemplate, [sessionId, template], undefined, options)
      : await this.request(CreateSessionToken, [sessionId], undefined, options);
    if (result.errors) return result;
    return { ...result, data: result.data.jwt };
  }
}
