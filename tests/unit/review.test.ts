// Spaced review: FSRS scheduling through ts-fsrs, as Pivot stores and grades cards.
import { describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import { DAILY, grade, GRADES, newCard, newCardsLeft } from "~/domain/review";

const NOW = new Date("2026-11-22T09:00:00Z");
const minutes = (iso: string) => (Date.parse(iso) - NOW.getTime()) / 60_000;

describe("FSRS scheduling", () => {
  it("a new card is due at once", () => {
    expect(newCard(NOW).due).toBe(NOW.toISOString());
  });

  it("the better the grade, the later the next review", () => {
    const [again, hard, good, easy] = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((g) => minutes(grade(newCard(NOW), g, NOW).due));
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThanOrEqual(10);
    expect(hard).toBeGreaterThanOrEqual(again!);
    expect(good).toBeGreaterThan(hard!);
    expect(easy).toBeGreaterThan(good!);
    expect(easy).toBeGreaterThanOrEqual(24 * 60); // an easy new card comes back after a day or more
  });

  it("successive good recalls push the card further away; a lapse brings it back soon", () => {
    let card = newCard(NOW);
    let at = NOW;
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = grade(card, Rating.Good, at);
      const next = new Date(card.due);
      intervals.push(next.getTime() - at.getTime());
      at = next;
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(intervals.at(-1)!).toBeGreaterThan(3 * 86_400_000);
    const lapsed = grade(card, Rating.Again, at);
    expect(Date.parse(lapsed.due) - at.getTime()).toBeLessThan(86_400_000);
    expect(lapsed.lapses).toBe(1);
  });

  it("cards survive storage as JSON", () => {
    const card = grade(newCard(NOW), Rating.Good, NOW);
    const stored = JSON.parse(JSON.stringify(card));
    expect(grade(stored, Rating.Good, new Date(card.due)).reps).toBe(2);
  });

  it("four French grades with keyboard keys 1 to 4, and a daily cap on new cards", () => {
    expect(GRADES.map((g) => `${g.key}:${g.label}`)).toEqual(["1:À revoir", "2:Difficile", "3:Bien", "4:Facile"]);
    expect(newCardsLeft(0)).toBe(DAILY.newCards);
    expect(newCardsLeft(DAILY.newCards + 3)).toBe(0);
  });
});
