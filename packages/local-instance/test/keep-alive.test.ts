// The instance never closes an idle keep-alive connection on its own, so a client can never send a request on a
// connection the server is closing at that moment (the ECONNRESET race; see leaveIdleConnectionsToClients).
import { Agent, get, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalInstance, startLocalInstance } from '../src/index';

let instance: LocalInstance;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  instance = await startLocalInstance();
});

afterAll(async () => {
  agent.destroy();
  await instance.stop();
});

function fetchJwks(): Promise<{ response: IncomingMessage; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const request = get(instance.frontendJwksUrl, { agent }, response => {
      response.resume();
      response.on('end', () => resolve({ response, reusedSocket: request.reusedSocket }));
    });
    request.on('error', reject);
  });
}

// Node's default server keep-alive timeout is 5 s: a connection idle longer than that used to be closed.
const LONGER_THAN_NODE_DEFAULT_KEEP_ALIVE_MS = 5_500;

it('announces no keep-alive timeout and keeps an idle connection open past Node’s 5 s default', async () => {
  const first = await fetchJwks();
  expect(first.response.statusCode).toBe(200);
  expect(first.response.headers.connection).toBe('keep-alive');
  expect(first.response.headers['keep-alive']).toBeUndefined();
  await new Promise(resolve => setTimeout(resolve, LONGER_THAN_NODE_DEFAULT_KEEP_ALIVE_MS));
  const second = await fetchJwks();
  expect(second.response.statusCode).toBe(200);
  expect(second.reusedSocket).toBe(true);
});
