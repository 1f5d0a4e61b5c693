import { duplicateRecord, notFound } from '../api/api-error';
import { acceptOnly, optionalBoolean, orderBy, requiredString } from '../api/params';
import type { Router } from '../api/router';
import { newId } from '../lib/ids';
import type { AllowlistIdentifierRecord } from '../state';
import { listResponse } from './sessions';

const identifierTypeOf = (identifier: string): AllowlistIdentifierRecord['identifierType'] =>
  identifier.includes('@') ? 'email_address' : identifier.startsWith('0x') ? 'web3_wallet' : 'phone_number';

const allowlistIdentifierJson = (record: AllowlistIdentifierRecord): Record<string, unknown> => ({
  object: 'allowlist_identifier',
  id: record.id,
  identifier: record.identifier,
  identifier_type: record.identifierType,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export function registerAllowlistIdentifierRoutes(router: Router): void {
  router
    .add('GET', '/v1/allowlist_identifiers', ({ query, ctx }) =>
      listResponse(
        orderBy([...ctx.state.allowlistIdentifiers.values()], query).map(allowlistIdentifierJson),
        query,
      ),
    )
    .add('POST', '/v1/allowlist_identifiers', ({ body, ctx }) => {
      acceptOnly(body, ['identifier', 'notify']);
      const identifier = requiredString(body, 'identifier');
      optionalBoolean(body, 'notify');
      if ([...ctx.state.allowlistIdentifiers.values()].some(record => record.identifier === identifier))
        throw duplicateRecord('identifier', `${identifier} is already on the allowlist.`);
      const now = Date.now();
      const record: AllowlistIdentifierRecord = {
        id: newId('alid'),
        identifier,
        identifierType: identifierTypeOf(identifier),
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.allowlistIdentifiers.set(record.id, record);
      return allowlistIdentifierJson(record);
    })
    .add('DELETE', '/v1/allowlist_identifiers/:identifier_id', ({ params, ctx }) => {
      const record = ctx.state.allowlistIdentifiers.get(params.identifier_id!);
      if (!record) throw notFound('allowlist identifier');
      ctx.state.allowlistIdentifiers.delete(record.id);
      return { object: 'allowlist_identifier', id: record.id, deleted: true };
    });
}
