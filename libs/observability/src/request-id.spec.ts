import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it("keeps a caller's id made of safe characters", () => {
    expect(requestIdFrom('upload-42.a:b@edge_1')).toBe('upload-42.a:b@edge_1');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it('generates a UUID when there is none or it is unsafe', () => {
    for (const bad of [undefined, '', 'two words', 'line\nbreak', '"quoted"', 'x'.repeat(129), 42]) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
