// Model functions that read, then write what they read: the same call made twice at once (a double click,
// two tabs, two cadres) must leave the data as if the calls had run one after the other.
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moduleProgress, quizAttempts, users } from "../../db/schema";
import { getModule } from "~/content/modules.server";
import { markOpened, startAttempt } from "~/models/progress.server";
import { getDb } from "~/utils/db.server";

async function newLearner(serviceId: string | null = null) {
  const id = crypto.randomUUID();
  await getDb()
    .insert(users)
    .values({ id, email: `${id}@pivot.test`, name: "Camille Test", role: "learner", profile: "nouvelle_recrue", establishment: "CH Test", serviceId, hireDate: serviceId ? "2026-11-16" : null });
  return id;
}

describe("a learner's progress, started twice at once", () => {
  it("two quiz starts at once leave one open attempt, and both return it", async () => {
    const learner = await newLearner();
    const module = getModule("exemple")!;
    const ids = await Promise.all([startAttempt(learner, module), startAttempt(learner, module), startAttempt(learner, module)]);
    expect(new Set(ids).size).toBe(1);
    const open = await getDb()
      .select({ id: quizAttempts.id })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, learner), eq(quizAttempts.moduleId, module.frontmatter.id), isNull(quizAttempts.submittedAt)));
    expect(open.map((r) => r.id)).toEqual([ids[0]]);
    const progress = await getDb().select().from(moduleProgress).where(eq(moduleProgress.userId, learner));
    expect(progress).toHaveLength(1);
  });

  it("a module opened twice at once gets one progress row, and neither call fails", async () => {
    const learner = await newLearner();
    const module = getModule("exemple-deux")!;
    await Promise.all([markOpened(learner, module), markOpened(learner, module), markOpened(learner, module)]);
    const rows = await getDb()
      .select({ status: moduleProgress.status })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, learner), eq(moduleProgress.moduleId, module.frontmatter.id)));
    expect(rows).toHaveLength(1);
  });
});
