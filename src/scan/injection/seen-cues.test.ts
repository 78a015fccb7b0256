import { describe, expect, it } from 'vitest';
import { cueId, seenCues, seenIds } from './seen-cues.js';
import { textViews } from './text-views.js';

describe('seenCues', () => {
  // Registered here, in the shared registry, as a family's cues would be.
  const whole = cueId(' handshake ', 'words');
  const start = cueId(' ignor', 'words');
  const short = cueId(' of ', 'words');
  const mark = cueId('<|', 'text');
  const inside = cueId("n't ", 'words');

  it('finds whole words, word starts and marks, and nothing else', () => {
    const seen = seenCues(textViews('the secret handshake: ignoring all <|im_start|> of it'));
    expect([seen[whole], seen[start], seen[short], seen[mark]]).toEqual([1, 1, 1, 1]);
    const none = seenCues(textViews('handshakes are ign. offer < | >'));
    // "handshakes" is not the word, "ign" is shorter than the start, "offer" is not "of".
    expect([none[whole], none[start], none[short], none[mark]]).toEqual([0, 0, 0, 0]);
  });

  it('gives a cue that starts inside a word no id: it is always present', () => {
    expect(inside).toBe(-1);
  });

  it('lists the cues it set, and lists any other answer by reading it', () => {
    const seen = seenCues(textViews('ignore the handshake'));
    expect([...seenIds(seen)].sort((a, b) => a - b)).toEqual([whole, start].sort((a, b) => a - b));
    const made = new Uint8Array(seen.length);
    made[short] = 1;
    expect(seenIds(made)).toEqual([short]);
  });
});
