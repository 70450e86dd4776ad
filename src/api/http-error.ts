import { isLangngheError } from '../core/errors.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details: Readonly<Record<string, unknown>> };
}

export interface HttpError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

const STATUS_BY_CODE: Record<string, number> = {
  'input.too_large': 413,
  'input.unsupported_media_type': 415,
  'store.invalid': 400,
  'store.not_found': 404,
  'http.not_found': 404,
  'store.conflict': 409,
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.disabled': 403,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.locked': 429,
  'auth.workspace_required': 400,
  'auth.oidc_failed': 401,
  'auth.oidc_unavailable': 503,
  'http.misdirected': 421,
  'http.rate_limited': 429,
  'stream.too_many': 429,
  'stream.busy': 503,
  'source.address_refused': 400,
  'store.closed': 503,
  'app.unavailable': 503,
  'bus.closed': 503,
  'bus.full': 503,
  'pipeline.unavailable': 503,
  'store.busy': 503,
  'store.full': 503,
  'store.io': 503,
  'source.unknown_kind': 400,
  'source.config': 400,
  'source.push_only': 409,
  'source.not_push': 409,
  'source.stream': 409,
  'config.invalid': 400,
};

const BEARER_CHALLENGE: Record<string, string> = {
  'auth.required': 'Bearer realm="langnghe"',
  'auth.invalid': 'Bearer realm="langnghe", error="invalid_token"',
};

/** One problem Ajv found in a request part. */
interface ValidationProblem {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: ValidationProblem[];
  validationContext?: string;
}

/** What the translation needs to know of the route that failed. */
export interface ErrorOptions {
  /** The route's body limit, named in 413 messages. */
  bodyLimitBytes: number;
  /** Ingest's 413 says which setting raises the limit. */
  isIngest?: boolean;
}

function statusOf(code: string): number | undefined {
  if (code.startsWith('query.') || code.startsWith('input.')) return STATUS_BY_CODE[code] ?? 400;
  return STATUS_BY_CODE[code];
}

function fieldName(context: string, path: string): string {
  return path === '' ? context : `${context}${path.replace(/\//g, '.')}`;
}

/** A sentence a person can act on, naming the field: `Unknown field "colour" in body`. */
export function describeValidation(context: string, problem: ValidationProblem): string {
  const field = fieldName(context, problem.instancePath);
  const p = problem.params;
  switch (problem.keyword) {
    case 'additionalProperties':
      return `Unknown field "${String(p.additionalProperty)}" in ${field}`;
    case 'required':
      return `Missing field "${String(p.missingProperty)}" in ${field}`;
    case 'maxLength':
      return `${field} is too long: at most ${String(p.limit)} characters`;
    case 'minLength':
      return p.limit === 1 ? `${field} must not be empty` : `${field} is too short`;
    case 'pattern':
      return `${field} must contain a visible character`;
    case 'enum':
      return `${field} must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'maxItems':
      return `${field} has too many values: at most ${String(p.limit)}`;
    case 'type':
      return `${field} must be ${String(p.type)}`;
    default:
      return `${field} ${problem.message ?? 'is invalid'}`;
  }
}

function fromValidation(error: FastifyLikeError): HttpError {
  const context = error.validationContext ?? 'request';
  const problems = (error.validation ?? []).map((v) => ({
    field: fieldName(context, v.instancePath),
    message: describeValidation(context, v),
  }));
  const message = problems.map((p) => p.message).join('; ') || 'Invalid request';
  return {
    status: 400,
    body: { error: { code: 'input.invalid', message, details: { problems } } },
  };
}

function fromFastify(error: FastifyLikeError, options: ErrorOptions): HttpError | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = options.bodyLimitBytes;
    const hint = options.isIngest
      ? '; send smaller batches or raise bodyLimitBytes (LANGNGHE_BODY_LIMIT_BYTES)'
      : '';
    const message = `Request body is larger than the limit of ${limit} bytes (${(limit / 1048576).toFixed(2)} MiB)${hint}`;
    const details = { limitBytes: limit };
    return { status: 413, body: { error: { code: 'input.too_large', message, details } } };
  }
  if (status === 429) {
    const message =
      'Quá nhiều yêu cầu / too many requests: slow down and retry after the Retry-After seconds';
    return { status, body: { error: { code: 'http.rate_limited', message, details: {} } } };
  }
  const code = status === 415 ? 'input.unsupported_media_type' : 'input.invalid';
  const message = error.message ?? 'Bad request';
  return { status, body: { error: { code, message, details: { reason: error.code } } } };
}

/**
 * The one translation of errors into HTTP: `query.*`, `input.*` and `store.invalid` → 400 (query
 * details keep `offset`/`column` for the UI), `store.not_found` → 404, `store.conflict` → 409,
 * `auth.*` → 401/403, Fastify's validation and body errors → 400/413/415. Anything else is a 500
 * with a generic message (`isInternal`: the caller logs it).
 */
export function toHttpError(
  error: unknown,
  options: ErrorOptions,
): HttpError & { isInternal: boolean } {
  if (isLangngheError(error)) {
    const status = statusOf(error.code);
    if (status !== undefined) {
      const headers = BEARER_CHALLENGE[error.code];
      const body = { error: error.toJSON() };
      return {
        status,
        body,
        isInternal: false,
        ...(headers && { headers: { 'www-authenticate': headers } }),
      };
    }
  } else if (error !== null && typeof error === 'object') {
    const candidate = error as FastifyLikeError;
    if (Array.isArray(candidate.validation))
      return { ...fromValidation(candidate), isInternal: false };
    const known = fromFastify(candidate, options);
    if (known !== undefined) return { ...known, isInternal: false };
  }
  const body = { error: { code: 'internal', message: 'Internal server error', details: {} } };
  return { status: 500, body, isInternal: true };
}
