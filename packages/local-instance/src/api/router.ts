import type { FrontendApiState } from '../frontend-api/state';
import type { SigningKeyring } from '../keys/signing-keyring';
import type { MachineStore } from '../machine/machine-store';
import type { InstanceState, SessionTokenVersion } from '../state';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import type { Body } from './params';

/** What every handler can see of the instance. */
export interface InstanceContext {
  state: InstanceState;
  keys: SigningKeyring;
  apiUrl: string;
  frontendApi: string;
  issuer: string;
  authorizedParty: string | null;
  sessionTokenLifetimeSeconds: number;
  rolePermissions: Record<string, string[]>;
  /** Dev browsers, nonces, refresh tokens and fault switches of the Frontend API. */
  frontendApiState: FrontendApiState;
  /** The secret key the Backend API accepts. */
  secretKey: string;
  /** Machines, M2M tokens, API keys and OAuth applications. */
  machines: MachineStore;
  /** Format of minted session tokens unless a call asks for another. */
  sessionTokenVersion: SessionTokenVersion;
  /** Signs and delivers the events of every change to the registered webhook endpoints. */
  webhooks: WebhookDispatcher;
}

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Body;
  /** The parsed body of a `multipart/form-data` request, else null. */
  form: FormData | null;
  ctx: InstanceContext;
  /** The Authorization header, for the operations that accept more than the secret key. */
  authorization?: string;
}

export type Handler = (request: ApiRequest) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export type RouteMatch = { handler: Handler; params: Record<string, string> } | 'wrong-method' | null;

/** Method + path-pattern table; `:name` segments become percent-decoded params. */
export class Router {
  readonly #routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/:([a-z_]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const route of this.#routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1]!);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'wrong-method' : null;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
