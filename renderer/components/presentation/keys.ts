// What a key does in presentation mode: the clicker's keys (arrows, Page Up/Down, space) move.
export type PresentCommand = 'next' | 'prev' | 'first' | 'last' | 'notes' | 'close';

export function presentCommand(key: string): PresentCommand | null {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ':
      return 'next';
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'n': case 'N':
      return 'notes';
    case 'Escape': case 'p': case 'P':
      return 'close';
    default:
      return null;
  }
}

/** The slide index after a command, kept within the deck. */
export function step(index: number, count: number, cmd: PresentCommand): number {
  // Keys pressed while the slides are still being built must not leave the index outside the deck.
  if (count <= 0) return 0;
  if (cmd === 'next') return Math.min(index + 1, count - 1);
  if (cmd === 'prev') return Math.max(index - 1, 0);
  if (cmd === 'first') return 0;
  if (cmd === 'last') return count - 1;
  return index;
}
