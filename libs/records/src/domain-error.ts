/**
 * Every refusal the service can give, by code. The api maps codes to HTTP
 * statuses in one place; jobs record the message as the failure reason.
 */
export type DomainErrorCode =
  | 'unauthenticated'
  | 'invalid_api_key'
  | 'forbidden'
  | 'account_not_found'
  | 'api_key_not_found'
  | 'platform_account_taken'
  | 'platform_accounts_not_allowed'
  | 'owner_required'
  | 'owner_not_rights_holder'
  | 'not_a_licensee'
  | 'invalid_licence'
  | 'licence_overlap'
  | 'licence_not_found'
  | 'case_not_found'
  | 'case_not_open'
  | 'case_not_claimed'
  | 'conflict_not_found'
  | 'conflict_already_resolved'
  | 'registration_not_registered'
  | 'segment_not_found'
  | 'work_not_found'
  | 'registration_not_found'
  | 'exclusion_not_found'
  | 'invalid_exclusion'
  | 'clip_not_found'
  | 'episode_exists'
  | 'episode_out_of_range'
  | 'duplicate_file'
  | 'file_missing'
  | 'file_empty'
  | 'invalid_file_name'
  | 'not_a_video'
  | 'no_video_stream'
  | 'duration_out_of_range'
  | 'dimensions_out_of_range'
  | 'undecodable_video'
  | 'decode_interrupted'
  | 'frames_missing'
  | 'media_missing'
  | 'shards_unavailable'
  | 'queue_unavailable'
  | 'queue_full'
  | 'rate_limited'
  | 'media_tools_missing'
  | 'policy_not_found'
  | 'invalid_policy'
  | 'case_not_confirmed'
  | 'dispute_not_found'
  | 'dispute_exists'
  | 'invalid_dispute_token'
  | 'dispute_not_open'
  | 'dispute_not_upheld'
  | 'dispute_not_appealed'
  | 'dispute_not_due';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra fields a client can act on, e.g. the id of the existing registration. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Failures that another attempt cannot fix: the input itself is the problem. */
const PERMANENT: ReadonlySet<DomainErrorCode> = new Set([
  'registration_not_found',
  'clip_not_found',
  'not_a_video',
  'no_video_stream',
  'duration_out_of_range',
  'dimensions_out_of_range',
  'undecodable_video',
  'frames_missing',
]);

export function isPermanent(error: unknown): boolean {
  return error instanceof DomainError && PERMANENT.has(error.code);
}
