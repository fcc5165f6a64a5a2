// Spaced review with FSRS (ts-fsrs): the scheduler, the four French grades, card (de)serialisation
// and the daily session rules. No I/O.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";

export const GRADES = [
  { value: Rating.Again, key: "1", label: "À revoir" },
  { value: Rating.Hard, key: "2", label: "Difficile" },
  { value: Rating.Good, key: "3", label: "Bien" },
  { value: Rating.Easy, key: "4", label: "Facile" },
] as const;
export const GRADE_VALUES = GRADES.map((g) => g.value) as Grade[];

/** At most this many new cards a day, and this many cards in a session. */
export const DAILY = { newCards: 10, sessionCards: 40 } as const;

const scheduler = fsrs({ enable_fuzz: false, request_retention: 0.9, maximum_interval: 365 });

export type StoredCard = Omit<Card, "due" | "last_review"> & { due: string; last_review: string | null };

export function newCard(now: Date): StoredCard {
  return serialise(createEmptyCard(now));
}

function serialise(card: Card): StoredCard {
  return { ...card, due: card.due.toISOString(), last_review: card.last_review ? new Date(card.last_review).toISOString() : null };
}

function restore(card: StoredCard): Card {
  return { ...card, due: new Date(card.due), last_review: card.last_review ? new Date(card.last_review) : undefined } as Card;
}

/** The card after a grade, and its next due date. */
export function grade(card: StoredCard, value: Grade, now: Date): StoredCard {
  return serialise(scheduler.next(restore(card), now, value).card);
}

/** How many new cards may still be introduced today. */
export function newCardsLeft(introducedToday: number): number {
  return Math.max(0, DAILY.newCards - introducedToday);
}
