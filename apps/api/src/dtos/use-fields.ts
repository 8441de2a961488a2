import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** Where a use of footage takes place: checked against a licence's territories. */
export function UseTerritory(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country of the use', example: 'SG' }),
    IsOptional(),
    Matches(/^[A-Za-z]{2}$/, { message: 'territory must be an ISO 3166-1 alpha-2 code such as SG' }),
  );
}

/** When a use of footage takes place: checked against a licence's dates. */
export function UseDay(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description: 'Day of the use (YYYY-MM-DD); defaults to today', example: '2026-03-01' }),
    IsOptional(),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'usedOn must be a date YYYY-MM-DD' }),
  );
}
