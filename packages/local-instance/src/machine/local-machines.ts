import type { ResourceJson } from '../start-local-instance';
import { apiKeyJson, machineJson, oauthApplicationJson } from './machine-json';
import type {
  CreateAPIKeyInput,
  CreateMachineInput,
  CreateOAuthApplicationInput,
  IssuedMachineToken,
  IssueOAuthAccessTokenInput,
  MachineStore,
  MachineTokenFormat,
} from './machine-store';

/** A machine as created: its JSON and the machine secret key it authenticates with. */
export interface CreatedMachine {
  /** The machine id, `mch_…`. */
  id: string;
  /** The machine secret key (`ak_…`): creates its M2M tokens and verifies tokens granted to it. */
  secretKey: string;
  /** The spec's JSON of the machine. */
  json: ResourceJson;
}

/** Options of `machines.createM2MToken`. */
export interface M2MTokenOptions {
  /** `opaque` (default, `mt_…`, verified by the Backend API) or `jwt` (verified networklessly). */
  format?: MachineTokenFormat;
  /** Lifetime in seconds (fractions allowed); default the machine's default TTL. `null`: never (opaque only). */
  secondsUntilExpiration?: number | null;
  /** Custom claims of the token. */
  claims?: Record<string, unknown> | null;
}

/** Machine authentication of the instance, in process (the same records the Backend API serves). */
export interface LocalMachines {
  /** Creates a machine; `scopedMachineIds` are the machines its M2M tokens may call. */
  createMachine(input: CreateMachineInput): CreatedMachine;
  /** Lets `fromMachineId`'s tokens call `toMachineId`. */
  addMachineScope(fromMachineId: string, toMachineId: string): void;
  /** Mints an M2M token for a machine (the token's subject). */
  createM2MToken(machineId: string, options?: M2MTokenOptions): IssuedMachineToken;
  /** Revokes an opaque M2M token by its id. */
  revokeM2MToken(id: string, reason?: string): void;
  /** Creates an API key for a user, an organization or a machine; `token` is its secret (`ak_…`). */
  createAPIKey(input: CreateAPIKeyInput): IssuedMachineToken & { json: ResourceJson };
  /** Revokes an API key by its id. */
  revokeAPIKey(id: string, reason?: string): void;
  /** Creates an OAuth application; its `clientId` issues access tokens. */
  createOAuthApplication(input: CreateOAuthApplicationInput): {
    id: string;
    clientId: string;
    json: ResourceJson;
  };
  /** Issues an OAuth access token to an application on behalf of a user (what the consent flow ends with). */
  issueOAuthAccessToken(input: IssueOAuthAccessTokenInput): IssuedMachineToken;
  /** Revokes an opaque OAuth access token by its id. */
  revokeOAuthAccessToken(id: string, reason?: string): void;
}

export function localMachines(store: MachineStore): LocalMachines {
  return {
    createMachine: input => {
      const machine = store.createMachine(input);
      const scoped = machine.scopedMachineIds.map(id => store.requireMachine(id));
      return {
        id: machine.id,
        secretKey: machine.secretKey,
        json: machineJson(machine, scoped) as ResourceJson,
      };
    },
    addMachineScope: (fromMachineId, toMachineId) => {
      const machine = store.requireMachine(fromMachineId);
      store.requireMachine(toMachineId);
      if (!machine.scopedMachineIds.includes(toMachineId)) machine.scopedMachineIds.push(toMachineId);
    },
    createM2MToken: (machineId, options = {}) => {
      const { token, id } = store.createM2MToken({ machineId, ...options });
      return { token, id };
    },
    revokeM2MToken: (id, reason) => {
      store.revoke('m2mTokens', id, reason ?? null);
    },
    createAPIKey: input => {
      const record = store.createAPIKey(input);
      return { token: record.secret, id: record.id, json: apiKeyJson(record, true) as ResourceJson };
    },
    revokeAPIKey: (id, reason) => {
      store.revoke('apiKeys', id, reason ?? null);
    },
    createOAuthApplication: input => {
      const record = store.createOAuthApplication(input);
      return { id: record.id, clientId: record.clientId, json: oauthApplicationJson(record) as ResourceJson };
    },
    issueOAuthAccessToken: input => store.issueOAuthAccessToken(input),
    revokeOAuthAccessToken: (id, reason) => {
      store.revoke('oauthAccessTokens', id, reason ?? null);
    },
  };
}
