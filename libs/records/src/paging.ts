/** One page of a listing; pages are numbered from 1. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface PageRequest {
  readonly page?: number;
  readonly pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Rows to skip and take for a page request; out-of-range values are clamped rather than refused. */
export function pageWindow(r: PageRequest): { page: number; pageSize: number; offset: number } {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(r.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(r.page ?? 1));
  return { page, pageSize, offset: (page - 1) * pageSize };
}
