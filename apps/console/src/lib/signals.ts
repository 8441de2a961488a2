/** What a match rests on, in words, as the case report writes it: "picture", "picture + audio" or "audio only". */
export function signalsText(signals: readonly ('picture' | 'audio')[]): string {
  if (!signals.includes('audio')) return 'picture';
  return signals.includes('picture') ? 'picture + audio' : 'audio only';
}
