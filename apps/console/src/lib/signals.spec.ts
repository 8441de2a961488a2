import { signalsText } from './signals';

describe('signalsText', () => {
  it('names what a match rests on', () => {
    expect(signalsText(['picture'])).toBe('picture');
    expect(signalsText(['picture', 'audio'])).toBe('picture + audio');
    expect(signalsText(['audio'])).toBe('audio only');
  });
});
