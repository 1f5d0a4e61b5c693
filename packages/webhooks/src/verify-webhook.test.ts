import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockAt, type Delivery, deliveryRequest, sign, vectorOne, vectorTwo } from '../test/fixtures';
import { WebhookVerificationErrorCode as Code, WebhookVerificationError } from './errors';
import { verifyWebhook as webCryptoVerify } from './index';
import { verifyWebhook as nodeVerify } from './index.node';

const PREFIX = '@clerk/backend: Unable to verify incoming webhook: ';

/** The rejection of `promise`, asserted to be a WebhookVerificationError with that code and message. */
async function rejection(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toMatchObject({ name: 'WebhookVerificationError', code, message });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

for (const [build, verifyWebhook] of [
  ['WebCrypto build', webCryptoVerify],
  ['node:crypto build', nodeVerify],
] as const) {
  describe(build, () => {
    const verifyAt = (
      delivery: Delivery & { secret?: string },
      seconds: number | string,
      request = deliveryRequest(delivery),
    ) =>
      verifyWebhook(request, { signingSecret: delivery.secret ?? vectorOne.secret, now: clockAt(seconds) });

    describe('verifyWebhook: the reference vectors (current-clerk.md 4.2)', () => {
      it('vector 1 verifies and returns the event with instance_id and timestamp kept', async () => {
        const event = await verifyAt(vectorOne, vectorOne.timestamp);
        expect(event).toStrictEqual({
          type: 'user.created',
          object: 'event',
          data: { id: 'user_29w83sxmDNGwOuEthce5gg56FcC', object: 'user' },
          event_attributes: { http_request: { client_ip: '192.0.2.1', user_agent: 'curl/8.0' } },
          instance_id: 'ins_123',
          timestamp: 1767225600000,
        });
        expect(Object.keys(event)).toEqual([
          'type',
          'object',
          'data',
          'event_attributes',
          'instance_id',
          'timestamp',
        ]);
      });

      it('vector 2 (UTF-8 body ending in a newline) verifies; no instance_id or timestamp is invented', async () => {
        const event = await verifyAt(vectorTwo, vectorTwo.timestamp);
        expect(event.type).toBe('organization.deleted');
        expect(event.data).toEqual({
          id: 'org_1',
          deleted: true,
          object: 'organization',
          name: 'Zürich GmbH ✓',
        });
        expect('instance_id' in event).toBe(false);
        expect('timestamp' in event).toBe(false);
      });

      it('vector 2 with a non-matching entry before the right one (several signatures in one header)', async () => {
        const delivery = { ...vectorTwo, signature: `v1,AAAA ${vectorTwo.signature}` };
        expect((await verifyAt(delivery, vectorTwo.timestamp)).type).toBe('organization.deleted');
      });

      it('forces object to "event" whatever the body says', async () => {
        const body = '{"type":"user.updated","object":"not-event","data":{"id":"user_1"}}';
        const delivery = {
          ...vectorOne,
          body,
          signature: sign(vectorOne.secret, vectorOne.id, vectorOne.timestamp, body),
        };
        expect((await verifyAt(delivery, vectorOne.timestamp)).object).toBe('event');
      });
    });

    describe('verifyWebhook: tampering and the wrong secret', () => {
      const at = vectorOne.timestamp;
      const noMatch = (delivery: Delivery & { secret?: string }) =>
        rejection(verifyAt(delivery, at), Code.NoMatchingSignature, `${PREFIX}No matching signature found`);

      it('rejects a changed body, even by one character', () =>
        noMatch({ ...vectorOne, body: vectorOne.body.replace('user.created', 'user.deleted') }));
      it('rejects a body with a trailing newline added', () =>
        noMatch({ ...vectorOne, body: `${vectorOne.body}\n` }));
      it('rejects a changed message id', () =>
        noMatch({ ...vectorOne, id: 'msg_2xRefVectorOne000000000002' }));
      it('rejects a changed timestamp (still within the tolerance)', () =>
        noMatch({ ...vectorOne, timestamp: String(Number(vectorOne.timestamp) + 1) }));
      it('rejects the right signature under another valid secret', () =>
        noMatch({ ...vectorOne, secret: vectorTwo.secret }));
      it('ignores a matching value under another version (v1a, v2) or without a version', async () => {
        const value = vectorOne.signature.slice(3);
        for (const signature of [`v1a,${value}`, `v2,${value}`, value, `,${value}`, `V1,${value}`])
          await noMatch({ ...vectorOne, signature });
      });
      it('compares the whole value: a prefix, a changed last character or extra padding does not match', async () => {
        const value = vectorOne.signature.slice(3);
        for (const candidate of [
          value.slice(0, -2),
          `${value.slice(0, -2)}Q=`,
          `${value}=`,
          value.replace(/=$/, ''),
        ])
          await noMatch({ ...vectorOne, signature: `v1,${candidate}` });
      });
      it('splits entries on single spaces only', () =>
        noMatch({ ...vectorOne, signature: `v1,AAAA\t${vectorOne.signature}` }));
    });

    describe('verifyWebhook: the 300 s tolerance, with a frozen clock', () => {
      const ts = Number(vectorOne.timestamp);

      it('accepts exactly 300 s late and 300 s early', async () => {
        expect((await verifyAt(vectorOne, ts + 300)).type).toBe('user.created');
        expect((await verifyAt(vectorOne, ts - 300)).type).toBe('user.created');
      });
      it('rejects 301 s late as too old', () =>
        rejection(verifyAt(vectorOne, ts + 301), Code.TimestampTooOld, `${PREFIX}Message timestamp too old`));
      it('rejects 301 s early as too new', () =>
        rejection(verifyAt(vectorOne, ts - 301), Code.TimestampTooNew, `${PREFIX}Message timestamp too new`));
      it('checks the timestamp before the signature: a stale delivery with a bad signature is "too old"', () =>
        rejection(
          verifyAt({ ...vectorOne, signature: 'v1,AAAA' }, ts + 3600),
          Code.TimestampTooOld,
          `${PREFIX}Message timestamp too old`,
        ));
      it('rejects a timestamp that is not a number', () =>
        rejection(
          verifyAt({ ...vectorOne, timestamp: 'yesterday' }, ts),
          Code.InvalidTimestamp,
          `${PREFIX}Invalid Signature Headers`,
        ));
      it('reads the timestamp as parseInt does and signs the parsed integer', async () => {
        const delivery = { ...vectorOne, timestamp: `${vectorOne.timestamp}.999` };
        expect((await verifyAt(delivery, ts)).type).toBe('user.created');
      });
      it('fails closed on a clock that returns no number', async () => {
        for (const now of [
          () => Number.NaN,
          () => undefined as unknown as number,
          () => Number.POSITIVE_INFINITY,
        ])
          await expect(
            verifyWebhook(deliveryRequest(vectorOne), { signingSecret: vectorOne.secret, now }),
          ).rejects.toThrow(
            new TypeError('@clerk/backend: verifyWebhook: `now` must return epoch milliseconds.'),
          );
      });
      it('uses Date.now without a clock option: a recorded 2026-01-01 delivery is too old today', async () => {
        vi.useFakeTimers({ now: (ts + 301) * 1000 });
        try {
          await rejection(
            verifyWebhook(deliveryRequest(vectorOne), { signingSecret: vectorOne.secret }),
            Code.TimestampTooOld,
            `${PREFIX}Message timestamp too old`,
          );
        } finally {
          vi.useRealTimers();
        }
      });
    });

    describe('verifyWebhook: headers', () => {
      const missing = (names: string) => `@clerk/backend: Missing required webhook headers: ${names}`;
      const headersOf = (delivery: Delivery, prefix: string) => ({
        [`${prefix}-id`]: delivery.id,
        [`${prefix}-timestamp`]: delivery.timestamp,
        [`${prefix}-signature`]: delivery.signature,
      });

      it('names every missing svix header, in order', async () => {
        await rejection(
          verifyAt(vectorOne, vectorOne.timestamp, deliveryRequest(vectorOne, {})),
          Code.MissingHeaders,
          missing('svix-id, svix-timestamp, svix-signature'),
        );
        await rejection(
          verifyAt(vectorOne, vectorOne.timestamp, deliveryRequest(vectorOne, { 'svix-id': vectorOne.id })),
          Code.MissingHeaders,
          missing('svix-timestamp, svix-signature'),
        );
      });
      it('treats an empty or blank header as missing, and trims the others', async () => {
        const headers = { ...headersOf(vectorOne, 'svix'), 'svix-timestamp': '   ' };
        await rejection(
          verifyAt(vectorOne, vectorOne.timestamp, deliveryRequest(vectorOne, headers)),
          Code.MissingHeaders,
          missing('svix-timestamp'),
        );
        const padded = {
          'svix-id': ` ${vectorOne.id} `,
          'svix-timestamp': ` ${vectorOne.timestamp}`,
          'svix-signature': `${vectorOne.signature} `,
        };
        expect(
          (await verifyAt(vectorOne, vectorOne.timestamp, deliveryRequest(vectorOne, padded))).type,
        ).toBe('user.created');
      });
      it('accepts the Standard Webhooks header names when no svix header is present', async () => {
        const request = deliveryRequest(vectorOne, headersOf(vectorOne, 'webhook'));
        expect((await verifyAt(vectorOne, vectorOne.timestamp, request)).type).toBe('user.created');
      });
      it('names the missing Standard Webhooks headers when only those are used', () =>
        rejection(
          verifyAt(
            vectorOne,
            vectorOne.timestamp,
            deliveryRequest(vectorOne, { 'webhook-id': vectorOne.id }),
          ),
          Code.MissingHeaders,
          missing('webhook-timestamp, webhook-signature'),
        ));
      it('never mixes the two families: svix-* present means svix-* only', async () => {
        const forgedStandard = { ...headersOf(vectorOne, 'webhook'), 'webhook-signature': 'v1,AAAA' };
        const request = deliveryRequest(vectorOne, { ...headersOf(vectorOne, 'svix'), ...forgedStandard });
        expect((await verifyAt(vectorOne, vectorOne.timestamp, request)).type).toBe('user.created');
        const partial = { 'svix-id': vectorOne.id, ...headersOf(vectorOne, 'webhook') };
        await rejection(
          verifyAt(vectorOne, vectorOne.timestamp, deliveryRequest(vectorOne, partial)),
          Code.MissingHeaders,
          missing('svix-timestamp, svix-signature'),
        );
      });
    });

    describe('verifyWebhook: the signing secret', () => {
      const missingSecret =
        '@clerk/backend: Missing webhook signing secret. Set the CLERK_WEBHOOK_SIGNING_SECRET environment variable with the webhook secret from the Clerk Dashboard.';
      const now = clockAt(vectorOne.timestamp);

      it('reads CLERK_WEBHOOK_SIGNING_SECRET from the env option when no signingSecret is given', async () => {
        const env = { CLERK_WEBHOOK_SIGNING_SECRET: vectorOne.secret };
        expect((await verifyWebhook(deliveryRequest(vectorOne), { env, now })).type).toBe('user.created');
        expect(
          (await verifyWebhook(deliveryRequest(vectorOne), { signingSecret: null, env, now })).type,
        ).toBe('user.created');
      });
      it('reads process.env when no env option is given, and the env option replaces process.env', async () => {
        vi.stubEnv('CLERK_WEBHOOK_SIGNING_SECRET', vectorOne.secret);
        expect((await verifyWebhook(deliveryRequest(vectorOne), { now })).type).toBe('user.created');
        await rejection(
          verifyWebhook(deliveryRequest(vectorOne), { env: {}, now }),
          Code.MissingSecret,
          missingSecret,
        );
      });
      it('prefers the option to the environment', () =>
        rejection(
          verifyWebhook(deliveryRequest(vectorOne), {
            signingSecret: vectorTwo.secret,
            env: { CLERK_WEBHOOK_SIGNING_SECRET: vectorOne.secret },
            now,
          }),
          Code.NoMatchingSignature,
          `${PREFIX}No matching signature found`,
        ));
      it('throws the missing-secret message with no secret anywhere, and for an explicit empty string', async () => {
        await rejection(
          verifyWebhook(deliveryRequest(vectorOne), { env: {}, now }),
          Code.MissingSecret,
          missingSecret,
        );
        await rejection(
          verifyWebhook(deliveryRequest(vectorOne), {
            signingSecret: '',
            env: { CLERK_WEBHOOK_SIGNING_SECRET: vectorOne.secret },
            now,
          }),
          Code.MissingSecret,
          missingSecret,
        );
        await rejection(
          verifyWebhook(deliveryRequest(vectorOne), { env: { CLERK_WEBHOOK_SIGNING_SECRET: 42 }, now }),
          Code.MissingSecret,
          missingSecret,
        );
      });
      it('rejects malformed secrets with the scheme library messages', async () => {
        const cases: [unknown, string][] = [
          ['whsec_', "Secret can't be empty."],
          ['whsec_abc', 'Base64Coder: incorrect padding'],
          ['whsec_abcde', 'Base64Coder: incorrect padding'],
          ['whsec_ab===', 'Base64Coder: incorrect padding'],
          ['whsec_ab!d', 'Base64Coder: incorrect characters for decoding'],
          ['whsec_ab=d', 'Base64Coder: incorrect characters for decoding'],
          ['whsec_Y2xl cmst', 'Base64Coder: incorrect characters for decoding'],
          ['whsec_Y2xlcm-t', 'Base64Coder: incorrect characters for decoding'],
          ['whsec_Y2xl\ncmst', 'Base64Coder: incorrect characters for decoding'],
        ];
        for (const [signingSecret, message] of cases)
          await rejection(
            verifyWebhook(deliveryRequest(vectorOne), { signingSecret: signingSecret as string, now }),
            Code.InvalidSecret,
            message,
          );
        await rejection(
          verifyWebhook(deliveryRequest(vectorOne), { signingSecret: 42 as unknown as string, now }),
          Code.InvalidSecret,
          '@clerk/backend: The webhook signing secret must be a string.',
        );
      });
      it('accepts the secret without its whsec_ prefix', async () => {
        const signingSecret = vectorOne.secret.slice('whsec_'.length);
        expect((await verifyWebhook(deliveryRequest(vectorOne), { signingSecret, now })).type).toBe(
          'user.created',
        );
      });
    });

    describe('verifyWebhook: hostile bodies and arguments', () => {
      const signed = (body: string) => ({
        ...vectorOne,
        body,
        signature: sign(vectorOne.secret, vectorOne.id, vectorOne.timestamp, body),
      });
      const invalidBody = (body: string, why: string) =>
        rejection(verifyAt(signed(body), vectorOne.timestamp), Code.InvalidBody, PREFIX + why);

      it('rejects a correctly signed empty body', () => invalidBody('', 'The signed body is empty'));
      it('rejects a correctly signed body that is not JSON', () =>
        invalidBody('type=user.created', 'The signed body is not valid JSON'));
      it('rejects correctly signed JSON that is not an object', async () => {
        for (const body of ['null', '[]', '42', '"user.created"'])
          await invalidBody(body, 'The signed body is not a JSON object');
      });
      it('rejects a correctly signed object without a string type and an object data', async () => {
        for (const body of [
          '{}',
          '{"type":1,"data":{}}',
          '{"type":"user.created"}',
          '{"type":"user.created","data":null}',
        ])
          await invalidBody(
            body,
            'The signed body is not a webhook event (a string `type` and an object `data`)',
          );
      });
      it('checks the signature before parsing: unsigned garbage is "No matching signature found"', () =>
        rejection(
          verifyAt({ ...vectorOne, body: '\u0000{not json' }, vectorOne.timestamp),
          Code.NoMatchingSignature,
          `${PREFIX}No matching signature found`,
        ));
      it('reports a body that was already read', async () => {
        const request = deliveryRequest(vectorOne);
        await request.text();
        const error = await verifyAt(vectorOne, vectorOne.timestamp, request).catch(
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect(error).toMatchObject({ code: Code.InvalidBody });
        expect((error as Error).message).toMatch(
          /^@clerk\/backend: Unable to verify incoming webhook: The request body could not be read/,
        );
      });
      it('throws a TypeError naming the expected argument for something that is not a Request', async () => {
        for (const notARequest of [undefined, null, {}, { headers: {} }, 'body'])
          await expect(
            verifyWebhook(notARequest as unknown as Request, { signingSecret: vectorOne.secret }),
          ).rejects.toThrow(
            new TypeError(
              '@clerk/backend: verifyWebhook expects a Fetch API Request; convert a Node request with toWebRequest from @clerk/backend/node.',
            ),
          );
      });
    });
  });
}
