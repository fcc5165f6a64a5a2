// Spaced review through the real stack: today's new cards within the daily cap (missed questions first,
// then the terms of her specialty), stored only when first graded (opening a page writes nothing), the
// answer sent only on request, grading moving the due date.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { quizAttempts, reviewCards, users } from "../../db/schema";
import { DAILY } from "~/domain/review";
import { dueCards } from "~/models/review.server";
import * as revisions from "~/routes/revisions";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
let cookie: string;
let userId: string;

beforeAll(async () => {
  cookie = await signIn("secretaire.confirmee@pivot.demo");
  userId = (await getDb().query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!.id;
  // A quiz she took yesterday, with one question missed.
  await getDb().insert(quizAttempts).values({ id: crypto.randomUUID(), userId, moduleId: "exemple", moduleVersion: "1.0.0", questions: [], total: 2, passMark: 80, results: [{ id: "s1", correct: false }, { id: "s2", correct: true }], score: 50, submittedAt: new Date(Date.now() - 86_400_000).toISOString() });
});

const load = async (search = "") => (await run(() => (revisions.loader as Fn)({ request: request(`/revisions${search}`, { cookie }), params: {}, context: {} }))).data as Awaited<ReturnType<typeof revisions.loader>>;

describe("spaced review", () => {
  it("offers at most the daily number of new cards, the missed question first, then her specialty's terms, and opening the page stores nothing", async () => {
    const page = await load();
    const cards = await dueCards(userId);
    expect(cards.length).toBe(DAILY.newCards);
    expect(cards[0]!.cardKey).toBe("question:s1");
    expect(cards.some((c) => c.cardKey === "question:s2")).toBe(false);
    expect(cards.filter((c) => c.cardKey.startsWith("terme:")).length).toBe(DAILY.newCards - 1);
    expect(page.remaining).toBe(DAILY.newCards);
    expect(await getDb().select().from(reviewCards).where(eq(reviewCards.userId, userId))).toEqual([]); // a GET writes nothing
  });

  it("sends the answer only when she asks for it", async () => {
    const page = await load();
    expect(page.card?.back).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/explanation|answer/);
    const revealed = await load(`?reponse=${encodeURIComponent(page.card!.key)}`);
    expect(revealed.card?.back?.answer).toBeTruthy();
    const otherKey = await load(`?reponse=terme:inconnu`);
    expect(otherKey.card?.back).toBeNull();
  });

  it("grading moves the card's due date forward and takes it out of today's list", async () => {
    const key = (await load()).card!.key;
    const res = await run(() => (revisions.action as Fn)({ request: request("/revisions", { cookie, form: { cardKey: key, grade: "4" } }), params: {}, context: {} }));
    expect(res.response?.status).toBe(302);
    const row = (await getDb().select().from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.cardKey, key))))[0]!;
    expect(Date.parse(row.due)).toBeGreaterThan(Date.now() + 86_400_000 - 60_000);
    expect(row.reps).toBe(1);
    expect((await load()).remaining).toBe(DAILY.newCards - 1); // a new card met today counts against the day's limit
  });

  it("the day's limit holds: once she has met today's new cards, no other new card comes until tomorrow in Paris", async () => {
    for (let i = 0; i < DAILY.newCards; i++) {
      const key = (await load()).card?.key;
      if (!key) break;
      await run(() => (revisions.action as Fn)({ request: request("/revisions", { cookie, form: { cardKey: key, grade: "4" } }), params: {}, context: {} }));
    }
    expect((await load()).remaining).toBe(0);
    expect((await getDb().select().from(reviewCards).where(eq(reviewCards.userId, userId))).length).toBe(DAILY.newCards);
    // Tomorrow, new cards come again (within the limit, from what is left to learn).
    const tomorrow = new Date(Date.now() + 86_400_000);
    const fresh = (await dueCards(userId, tomorrow)).filter((c) => c.reps === 0).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThanOrEqual(DAILY.newCards);
  });

  it("refuses an unknown grade or a card that is not hers, in French, without change", async () => {
    const bad = await run(() => (revisions.action as Fn)({ request: request("/revisions", { cookie, form: { cardKey: "terme:x", grade: "9" } }), params: {}, context: {} }));
    expect(unwrap(bad.data).status).toBe(400);
    const other = await run(() => (revisions.action as Fn)({ request: request("/revisions", { cookie, form: { cardKey: "terme:pas-a-elle", grade: "3" } }), params: {}, context: {} }));
    expect(unwrap(other.data)).toMatchObject({ status: 404, data: { message: "Cette carte ne fait pas partie de vos révisions." } });
  });
});
