// How long a module takes, computed from its text and its quiz, never typed by hand. Pure.

/** Words read per minute in a training text (slower than leisure reading: one takes notes, rereads). */
export const READING_WORDS_PER_MINUTE = 150;
/** Minutes per quiz question (reading, thinking, the explanation afterwards). */
export const MINUTES_PER_QUESTION = 1.5;

/** Rounded up to 5 minutes, at least 5. */
export function estimateMinutes({ words, questions }: { words: number; questions: number }): number {
  const minutes = words / READING_WORDS_PER_MINUTE + questions * MINUTES_PER_QUESTION;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}
