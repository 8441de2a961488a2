import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiPayloadTooLargeResponse, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorDto } from './error.dto';

/** The refusals every video upload endpoint can answer with. */
export function ApiUploadErrors(): MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ type: ErrorDto, description: 'No file, an empty file, a file name with directories, or invalid fields' }),
    ApiPayloadTooLargeResponse({ type: ErrorDto, description: 'The file exceeds MAX_UPLOAD_BYTES' }),
    ApiUnprocessableEntityResponse({
      type: ErrorDto,
      description: 'Not a readable video, no video stream (audio only), or duration or picture size outside the configured limits',
    }),
    ApiServiceUnavailableResponse({ type: ErrorDto, description: 'The job queue is down; nothing was stored' }),
  );
}
