import { RequestErrorCode } from './errorCodes';
import { isPlainObject } from './isPlainObject';
import type { ClerkAPIError } from './types';

/** The Backend API error body (`ClerkErrors`) as `ClerkAPIError`s; anything else as one stable error. */
export function readErrors(body: unknown, status: number, statusText: string): ClerkAPIError[] {
  const items = isPlainObject(body) && Array.isArray(body.errors) ? body.errors : [];
  const errors = items.filter(isPlainObject).map(toClerkAPIError);
  if (errors.length > 0) return errors;
  const detail = isPlainObject(body)
    ? (body.detail ?? body.title)
    : typeof body === 'string'
      ? body
      : undefined;
  return [
    {
      code: RequestErrorCode.UnexpectedResponse,
      message: `The Backend API answered ${status}${statusText ? ` ${statusText}` : ''} without error details.`,
      ...(typeof detail === 'string' && detail ? { longMessage: detail.slice(0, 500) } : {}),
    },
  ];
}

export function readClerkTraceId(body: unknown, headers: Headers): string | undefined {
  if (isPlainObject(body) && typeof body.clerk_trace_id === 'string' && body.clerk_trace_id)
    return body.clerk_trace_id;
  return headers.get('cf-ray') ?? undefined;
}

function toClerkAPIError(item: Record<string, unknown>): ClerkAPIError {
  const error: ClerkAPIError = { code: String(item.code ?? ''), message: String(item.message ?? '') };
  if (typeof item.long_message === 'string') error.longMessage = item.long_message;
  // 0.x's errors always had a meta object
  error.meta = isPlainObject(item.meta) ? camelCaseKeys(item.meta) : {};
  return error;
}

/** `param_name` -> `paramName`, as 0.x exposed `meta.paramName` and `meta.sessionId`. */
function camelCaseKeys(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    result[key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())] = entry;
  }
  return result;
}
