import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@dramaguard/records';

/** The body of every error response. */
export interface ErrorBody {
  readonly statusCode: number;
  /** Stable machine-readable code, e.g. duplicate_file. */
  readonly error: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

const STATUS_OF: Record<DomainErrorCode, HttpStatus> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  invalid_api_key: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  account_not_found: HttpStatus.NOT_FOUND,
  api_key_not_found: HttpStatus.NOT_FOUND,
  platform_account_taken: HttpStatus.CONFLICT,
  platform_accounts_not_allowed: HttpStatus.UNPROCESSABLE_ENTITY,
  owner_required: HttpStatus.UNPROCESSABLE_ENTITY,
  owner_not_rights_holder: HttpStatus.UNPROCESSABLE_ENTITY,
  not_a_licensee: HttpStatus.UNPROCESSABLE_ENTITY,
  invalid_licence: HttpStatus.UNPROCESSABLE_ENTITY,
  licence_overlap: HttpStatus.CONFLICT,
  licence_not_found: HttpStatus.NOT_FOUND,
  case_not_found: HttpStatus.NOT_FOUND,
  case_not_open: HttpStatus.CONFLICT,
  case_not_claimed: HttpStatus.CONFLICT,
  conflict_not_found: HttpStatus.NOT_FOUND,
  conflict_already_resolved: HttpStatus.CONFLICT,
  registration_not_registered: HttpStatus.CONFLICT,
  segment_not_found: HttpStatus.NOT_FOUND,
  work_not_found: HttpStatus.NOT_FOUND,
  registration_not_found: HttpStatus.NOT_FOUND,
  exclusion_not_found: HttpStatus.NOT_FOUND,
  invalid_exclusion: HttpStatus.UNPROCESSABLE_ENTITY,
  clip_not_found: HttpStatus.NOT_FOUND,
  episode_exists: HttpStatus.CONFLICT,
  duplicate_file: HttpStatus.CONFLICT,
  episode_out_of_range: HttpStatus.UNPROCESSABLE_ENTITY,
  file_missing: HttpStatus.BAD_REQUEST,
  file_empty: HttpStatus.BAD_REQUEST,
  invalid_file_name: HttpStatus.BAD_REQUEST,
  not_a_video: HttpStatus.UNPROCESSABLE_ENTITY,
  no_video_stream: HttpStatus.UNPROCESSABLE_ENTITY,
  duration_out_of_range: HttpStatus.UNPROCESSABLE_ENTITY,
  dimensions_out_of_range: HttpStatus.UNPROCESSABLE_ENTITY,
  undecodable_video: HttpStatus.UNPROCESSABLE_ENTITY,
  decode_interrupted: HttpStatus.SERVICE_UNAVAILABLE,
  frames_missing: HttpStatus.INTERNAL_SERVER_ERROR,
  media_missing: HttpStatus.INTERNAL_SERVER_ERROR,
  shards_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  queue_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  queue_full: HttpStatus.SERVICE_UNAVAILABLE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  media_tools_missing: HttpStatus.SERVICE_UNAVAILABLE,
  policy_not_found: HttpStatus.NOT_FOUND,
  invalid_policy: HttpStatus.UNPROCESSABLE_ENTITY,
  case_not_confirmed: HttpStatus.CONFLICT,
  dispute_not_found: HttpStatus.NOT_FOUND,
  dispute_exists: HttpStatus.CONFLICT,
  invalid_dispute_token: HttpStatus.FORBIDDEN,
  dispute_not_open: HttpStatus.CONFLICT,
  dispute_not_upheld: HttpStatus.CONFLICT,
  dispute_not_appealed: HttpStatus.CONFLICT,
  dispute_not_due: HttpStatus.CONFLICT,
};

/**
 * Pure: turns anything thrown while serving a request into the response a
 * client sees. Only our own messages and framework 4xx messages go out; any
 * other failure becomes a bare 500.
 */
export function toErrorBody(exception: unknown, maxUploadBytes: number): ErrorBody {
  if (exception instanceof DomainError) {
    return { ...exception.details, statusCode: STATUS_OF[exception.code], error: exception.code, message: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return tooLarge(maxUploadBytes);
    return { statusCode: status, error: codeOf(status), message: messageOf(exception) };
  }
  const exposed = exception as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  if (exposed && exposed.expose === true && typeof exposed.status === 'number' && exposed.status >= 400 && exposed.status < 500) {
    if (exposed.status === HttpStatus.PAYLOAD_TOO_LARGE) return { statusCode: 413, error: 'payload_too_large', message: 'the request body is too large' };
    return { statusCode: exposed.status, error: codeOf(exposed.status), message: String(exposed.message) };
  }
  return { statusCode: 500, error: 'internal_error', message: 'internal server error' };
}

function tooLarge(maxUploadBytes: number): ErrorBody {
  return { statusCode: 413, error: 'payload_too_large', message: `the upload exceeds the limit of ${maxUploadBytes} bytes` };
}

function messageOf(e: HttpException): string {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  if (Array.isArray(m)) return m.join('; ');
  return typeof m === 'string' ? m : e.message;
}

function codeOf(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ? name.toLowerCase() : 'error';
}
