/** One entry of a Backend API error body, in wire (snake_case) form. */
export interface ClerkErrorJson {
  /** Machine-readable, e.g. `resource_not_found`. */
  code: string;
  /** A short message. */
  message: string;
  /** The longer message. */
  long_message: string;
  /** Details, e.g. `{ param_name }`. */
  meta?: Record<string, unknown>;
}

/** Thrown by a route handler; the server turns it into `{ errors: [...], clerk_trace_id }` with `status`. */
export class ApiError extends Error {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The error entries of the body. */
  readonly errors: ClerkErrorJson[];
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers: Record<string, string>;

  constructor(status: number, errors: ClerkErrorJson[], headers: Record<string, string> = {}) {
    super(errors[0]?.long_message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

export const notFound = (what = 'resource'): ApiError =>
  new ApiError(404, [
    {
      code: 'resource_not_found',
      message: 'not found',
      long_message: `The requested ${what} was not found.`,
    },
  ]);

export const paramMissing = (name: string): ApiError =>
  new ApiError(422, [
    {
      code: 'form_param_missing',
      message: 'is missing',
      long_message: `${name} must be included.`,
      meta: { param_name: name },
    },
  ]);

export const paramInvalid = (name: string, why: string): ApiError =>
  new ApiError(422, [
    {
      code: 'form_param_format_invalid',
      message: 'is invalid',
      long_message: `${name} ${why}.`,
      meta: { param_name: name },
    },
  ]);

export const paramUnknown = (name: string): ApiError =>
  new ApiError(422, [
    {
      code: 'form_param_unknown',
      message: 'is unknown',
      long_message: `${name} is not a valid parameter for this request.`,
      meta: { param_name: name },
    },
  ]);

export const identifierTaken = (name: string, long: string): ApiError =>
  new ApiError(422, [
    { code: 'form_identifier_exists', message: 'is taken', long_message: long, meta: { param_name: name } },
  ]);

/** 422 `duplicate_record`: the value already exists where it must be unique. */
export const duplicateRecord = (name: string, long: string): ApiError =>
  new ApiError(422, [
    { code: 'duplicate_record', message: 'duplicate', long_message: long, meta: { param_name: name } },
  ]);

export const badRequest = (code: string, long: string): ApiError =>
  new ApiError(400, [{ code, message: long, long_message: long }]);
