// A module updated (new major version) after a learner completed it: flagged until she passes it again.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleProgress, users } from "../../db/schema";
import { getModule } from "~/content/modules.server";
import { markRead } from "~/models/progress.server";
import { listUpdates } from "~/models/updates.server";
import * as moduleRoute from "~/routes/modules.$slug";
import * as actualisation from "~/routes/actualisation";
import { getDb } from "~/utils/db.server";
import { answersFor } from "../helpers/right-answers";
import { request, run, signIn } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
let cookie: string;
let userId: string;

beforeAll(async () => {
  cookie = await signIn("secretaire.confirmee@pivot.demo");
  userId = (await getDb().query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!.id;
  // She completed "exemple" when it was in version 0.3.0; it is now 1.0.0.
  await getDb().insert(moduleProgress).values({
    userId,
    moduleId: "exemple",
    moduleVersion: "0.3.0",
    status: "termine",
    bestScore: 100,
    attemptsCount: 1,
    completedAt: "2025-01-01T10:00:00Z",
    updatedAt: "2025-01-01T10:00:00Z",
  });
});

describe("module updates", () => {
  it("are flagged on the module page and in the refresher catalogue, with what changed", async () => {
    expect((await listUpdates({ userId })).map((u) => [u.id, u.from, u.to])).toEqual([["exemple", "0.3.0", getModule("exemple")!.frontmatter.version]]);
    const page = (await run(() => (moduleRoute.loader as Fn)({ request: request("/modules/exemple", { cookie }), params: { slug: "exemple" }, context: {} })))
      .data as { update: { changes: unknown[] } | null };
    expect(page.update?.changes.length).toBeGreaterThan(0);
    const catalogue = (await run(() => (actualisation.loader as Fn)({ request: request("/actualisation", { cookie }), params: {}, context: {} }))).data as {
      updates: { id: string }[];
    };
    expect(catalogue.updates.map((u) => u.id)).toEqual(["exemple"]);
  });

  it("reading the module again does not clear the flag; passing its quiz does", async () => {
    await markRead({ userId, module: getModule("exemple")! });
    expect(await listUpdates({ userId })).toHaveLength(1);
    const start = await run(() =>
      (moduleRoute.action as Fn)({ request: request("/modules/exemple", { cookie, form: { intent: "commencer" } }), params: { slug: "exemple" }, context: {} }),
    );
    expect(start.response?.status).toBe(302);
    const open = (
      (await run(() => (moduleRoute.loader as Fn)({ request: request("/modules/exemple", { cookie }), params: { slug: "exemple" }, context: {} }))).data as {
        openAttempt: { id: string; questions: never[] };
      }
    ).openAttempt;
    const form = { intent: "envoyer", attemptId: open.id, ...answersFor(getModule("exemple")!.quiz!.questions, open.questions) };
    await run(() => (moduleRoute.action as Fn)({ request: request("/modules/exemple", { cookie, form }), params: { slug: "exemple" }, context: {} }));
    expect(await listUpdates({ userId })).toEqual([]);
    const row = (
      await getDb()
        .select()
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, "exemple")))
    )[0]!;
    expect(row.moduleVersion).toBe(getModule("exemple")!.frontmatter.version);
  });
});
