/** A refusal from the api, carrying its stable code and the message written for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The api's error body ({statusCode, error, message}) as an ApiError; anything else in words. */
export function apiErrorFrom(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? `HTTP ${status}`);
    return new ApiError(status, String(body.error ?? 'error'), message);
  } catch {
    return new ApiError(status, 'error', status === 0 ? 'the api could not be reached' : `HTTP ${status}`);
  }
}
