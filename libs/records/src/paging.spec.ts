import { pageWindow } from './paging';

describe('pageWindow', () => {
  it('defaults to the first page of 20', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 20, offset: 0 });
  });

  it('skips the earlier pages', () => {
    expect(pageWindow({ page: 3, pageSize: 10 })).toEqual({ page: 3, pageSize: 10, offset: 20 });
  });

  it('clamps sizes and pages to what makes sense', () => {
    expect(pageWindow({ page: 0, pageSize: 1000 })).toEqual({ page: 1, pageSize: 100, offset: 0 });
    expect(pageWindow({ pageSize: 0 }).pageSize).toBe(1);
  });
});
