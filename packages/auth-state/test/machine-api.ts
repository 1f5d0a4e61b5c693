// A Backend API stand-in for machine tokens on 127.0.0.1: the three verify operations (no `/v1`, 5.2) and the
// JWKS. It checks the Authorization header the way the real API does (the machine key only for M2M), answers
// from a table the test fills, and records every request.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instanceKey } from './keys';

export const INSTANCE_SECRET = 'sk_test_machine_instance_secret';
export const MACHINE_SECRET = 'ak_machine_secret_for_mch_caller';

export interface MachineApiRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

/** What the stand-in answers for one token. */
export interface CannedAnswer {
  status: number;
  body?: unknown;
}

export interface MachineApi {
  url: string;
  requests: MachineApiRequest[];
  /** Answers by token (the value of the body's token field); unknown tokens get a 404. */
  answers: Map<string, CannedAnswer>;
  close(): Promise<void>;
}

const verifyPaths: Record<string, { field: string; acceptsMachineKey: boolean }> = {
  '/m2m_tokens/verify': { field: 'token', acceptsMachineKey: true },
  '/api_keys/verify': { field: 'secret', acceptsMachineKey: false },
  '/oauth_applications/access_tokens/verify': { field: 'access_token', acceptsMachineKey: false },
};

const errorBody = (code: string, message: string) => ({
  errors: [{ code, message, long_message: message }],
  clerk_trace_id: 'trace',
});

export async function startMachineApi(): Promise<MachineApi> {
  const requests: MachineApiRequest[] = [];
  const answers = new Map<string, CannedAnswer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const text = Buffer.concat(chunks).toString();
      let body: Record<string, unknown> | undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const send = (status: number, payload?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };
      const authorization = req.headers.authorization;
      if (path === '/v1/jwks' && req.method === 'GET') {
        if (authorization !== `Bearer ${INSTANCE_SECRET}`)
          return send(401, errorBody('clerk_key_invalid', 'bad key'));
        return send(200, { keys: [instanceKey.publicJwk] });
      }
      const operation = verifyPaths[path];
      if (!operation || req.method !== 'POST') return send(404, errorBody('resource_not_found', 'not found'));
      const allowed = [
        `Bearer ${INSTANCE_SECRET}`,
        ...(operation.acceptsMachineKey ? [`Bearer ${MACHINE_SECRET}`] : []),
      ];
      if (!authorization || !allowed.includes(authorization))
        return send(401, errorBody('clerk_key_invalid', 'The provided Clerk Secret Key is invalid.'));
      const token = body?.[operation.field];
      const answer = typeof token === 'string' ? answers.get(token) : undefined;
      if (!answer) return send(404, errorBody('resource_not_found', 'not found'));
      send(answer.status, answer.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answers,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
