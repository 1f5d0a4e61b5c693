import { identifierTaken, notFound, paramInvalid } from '../api/api-error';
import { acceptOnly, optionalBoolean, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import type { IdentificationRecord } from '../state';
import { requireUser } from './lookup';
import { userUpdated } from './users';

type Kind = IdentificationRecord['kind'];

export interface CreateIdentificationInput {
  kind: Kind;
  userId: string;
  value: string;
  verified?: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
}

const formats: Record<Kind, { pattern: RegExp; rule: string; taken: string }> = {
  email_address: {
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    rule: 'must be a valid email address',
    taken: 'That email address is taken. Please try another.',
  },
  phone_number: {
    pattern: /^\+[1-9]\d{6,14}$/,
    rule: 'must be a valid phone number in E.164 format',
    taken: 'That phone number is taken. Please try another.',
  },
};

/** Checks format and instance-wide uniqueness of an email address or phone number. */
export function assertIdentifierAvailable(ctx: InstanceContext, kind: Kind, value: string): void {
  const format = formats[kind];
  if (!format.pattern.test(value)) throw paramInvalid(kind, format.rule);
  const wanted = value.toLowerCase();
  for (const existing of ctx.state.identifications.values()) {
    if (existing.kind === kind && existing.value.toLowerCase() === wanted)
      throw identifierTaken(kind, format.taken);
  }
}

export function createIdentification(
  ctx: InstanceContext,
  input: CreateIdentificationInput,
): IdentificationRecord {
  const user = requireUser(ctx, input.userId);
  assertIdentifierAvailable(ctx, input.kind, input.value);
  const now = Date.now();
  const record: IdentificationRecord = {
    id: newId('idn'),
    kind: input.kind,
    value: input.value,
    userId: user.id,
    verified: input.verified ?? true,
    reservedForSecondFactor: input.reservedForSecondFactor ?? false,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.identifications.set(record.id, record);
  const primaryField = input.kind === 'email_address' ? 'primaryEmailAddressId' : 'primaryPhoneNumberId';
  if (input.primary || user[primaryField] === null) user[primaryField] = record.id;
  user.updatedAt = now;
  return record;
}

/** The user's identifications of one kind, oldest first. */
export const identificationsOf = (ctx: InstanceContext, userId: string, kind: Kind): IdentificationRecord[] =>
  [...ctx.state.identifications.values()].filter(record => record.userId === userId && record.kind === kind);

export function deleteIdentification(ctx: InstanceContext, record: IdentificationRecord): void {
  ctx.state.identifications.delete(record.id);
  const user = ctx.state.users.get(record.userId);
  if (!user) return;
  const primaryField = record.kind === 'email_address' ? 'primaryEmailAddressId' : 'primaryPhoneNumberId';
  if (user[primaryField] === record.id)
    user[primaryField] = identificationsOf(ctx, user.id, record.kind)[0]?.id ?? null;
  user.updatedAt = Date.now();
}

/** EmailAddress or PhoneNumber, as in the spec. */
export function identificationJson(record: IdentificationRecord): Record<string, unknown> {
  const verification = record.verified
    ? { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null }
    : {
        object: 'verification_otp',
        status: 'unverified',
        strategy: record.kind === 'email_address' ? 'email_code' : 'phone_code',
        attempts: null,
        expire_at: null,
      };
  const common = {
    id: record.id,
    object: record.kind,
    [record.kind]: record.value,
    reserved: false,
    verification,
    linked_to: [],
  };
  const extra =
    record.kind === 'email_address'
      ? { matches_sso_connection: false }
      : {
          reserved_for_second_factor: record.reservedForSecondFactor,
          default_second_factor: false,
          backup_codes: null,
        };
  return { ...common, ...extra, created_at: record.createdAt, updated_at: record.updatedAt };
}

function requireIdentification(ctx: InstanceContext, kind: Kind, id: string): IdentificationRecord {
  const record = ctx.state.identifications.get(id);
  if (!record || record.kind !== kind) throw notFound(kind.replace('_', ' '));
  return record;
}

/** `/v1/email_addresses` and `/v1/phone_numbers`: the same four operations for either kind. */
export function registerIdentificationRoutes(router: Router): void {
  const collections = { email_address: '/v1/email_addresses', phone_number: '/v1/phone_numbers' } as const;
  for (const kind of ['email_address', 'phone_number'] as const) {
    const base = collections[kind];
    const idParam = `${kind}_id`;
    router
      .add('POST', base, ({ body, ctx }) => {
        const extra = kind === 'phone_number' ? ['reserved_for_second_factor'] : [];
        acceptOnly(body, ['user_id', kind, 'verified', 'primary', ...extra]);
        const record = createIdentification(ctx, {
          kind,
          userId: requiredString(body, 'user_id'),
          value: requiredString(body, kind),
          verified: optionalBoolean(body, 'verified') ?? false,
          primary: optionalBoolean(body, 'primary') ?? false,
          reservedForSecondFactor: optionalBoolean(body, 'reserved_for_second_factor') ?? false,
        });
        userUpdated(ctx, requireUser(ctx, record.userId));
        return identificationJson(record);
      })
      .add('GET', `${base}/:${idParam}`, ({ params, ctx }) =>
        identificationJson(requireIdentification(ctx, kind, params[idParam]!)),
      )
      .add('PATCH', `${base}/:${idParam}`, ({ params, body, ctx }) => {
        acceptOnly(body, [
          'verified',
          'primary',
          ...(kind === 'phone_number' ? ['reserved_for_second_factor'] : []),
        ]);
        const record = requireIdentification(ctx, kind, params[idParam]!);
        record.verified = optionalBoolean(body, 'verified') ?? record.verified;
        record.reservedForSecondFactor =
          optionalBoolean(body, 'reserved_for_second_factor') ?? record.reservedForSecondFactor;
        record.updatedAt = Date.now();
        const user = ctx.state.users.get(record.userId);
        if (user && optionalBoolean(body, 'primary')) {
          if (kind === 'email_address') user.primaryEmailAddressId = record.id;
          else user.primaryPhoneNumberId = record.id;
          user.updatedAt = record.updatedAt;
        }
        if (user) userUpdated(ctx, user);
        return identificationJson(record);
      })
      .add('DELETE', `${base}/:${idParam}`, ({ params, ctx }) => {
        const record = requireIdentification(ctx, kind, params[idParam]!);
        deleteIdentification(ctx, record);
        const user = ctx.state.users.get(record.userId);
        if (user) userUpdated(ctx, user);
        return { object: kind, id: record.id, deleted: true };
      });
  }
}
