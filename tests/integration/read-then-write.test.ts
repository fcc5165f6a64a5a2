// Model functions that read, then write what they read: the same call made twice at once (a double click,
// two tabs, two cadres) must leave the data as if the calls had run one after the other.
import crypto from "node:crypto";
import { and, asc, eq, isNull, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moduleProgress, pathSteps, quizAttempts, serviceSteps, services, users } from "../../db/schema";
import { getModule } from "~/content/modules.server";
import { addServiceStep, applyServiceStepsToPaths, createPathFor, moveServiceStep } from "~/models/path.server";
import { markOpened, startAttempt } from "~/models/progress.server";
import { getDb } from "~/utils/db.server";

async function newLearner(serviceId: string | null = null) {
  const id = crypto.randomUUID();
  await getDb()
    .insert(users)
    .values({
      id,
      email: `${id}@pivot.test`,
      name: "Camille Test",
      role: "learner",
      profile: "nouvelle_recrue",
      establishment: "CH Test",
      serviceId,
      hireDate: serviceId ? "2026-11-16" : null,
    });
  return id;
}

const step = (title: string) => ({
  phase: "semaine-1",
  kind: "rencontre",
  title,
  description: "Une étape locale.",
  link: null,
  contact: null,
  dueDay: 3,
  requiresTutor: false,
});

describe("a learner's progress, started twice at once", () => {
  it("two quiz starts at once leave one open attempt, and both return it", async () => {
    const learner = await newLearner();
    const module = getModule("exemple")!;
    const ids = await Promise.all([
      startAttempt({ userId: learner, module }),
      startAttempt({ userId: learner, module }),
      startAttempt({ userId: learner, module }),
    ]);
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
    await Promise.all([markOpened({ userId: learner, module }), markOpened({ userId: learner, module }), markOpened({ userId: learner, module })]);
    const rows = await getDb()
      .select({ status: moduleProgress.status })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, learner), eq(moduleProgress.moduleId, module.frontmatter.id)));
    expect(rows).toHaveLength(1);
  });
});

describe("a service's local steps, edited twice at once", () => {
  it("adds, moves and applies them as if one cadre acted after the other", async () => {
    const serviceId = `svc-${crypto.randomUUID()}`;
    await getDb()
      .insert(services)
      .values({ id: serviceId, name: `Service ${serviceId}`, establishment: "CH Test" });
    const learner = await newLearner(serviceId);
    await createPathFor(learner);

    // Added at once: each after the last, no two in the same place.
    const [a, b, c] = await Promise.all([
      addServiceStep({ serviceId, step: step("A"), by: learner }),
      addServiceStep({ serviceId, step: step("B"), by: learner }),
      addServiceStep({ serviceId, step: step("C"), by: learner }),
    ]);
    const order = async () =>
      (await getDb().select().from(serviceSteps).where(eq(serviceSteps.serviceId, serviceId)).orderBy(asc(serviceSteps.position))).map((s) => s.id);
    const positions = (await getDb().select({ position: serviceSteps.position }).from(serviceSteps).where(eq(serviceSteps.serviceId, serviceId))).map(
      (s) => s.position,
    );
    expect(new Set(positions).size).toBe(3);
    expect(await order()).toEqual([a, b, c]);

    // Two moves at once both count: A down, then C up (or the other way round), never one of them lost.
    expect(
      await Promise.all([moveServiceStep({ serviceId, stepId: a!, direction: "down" }), moveServiceStep({ serviceId, stepId: c!, direction: "up" })]),
    ).toEqual([true, true]);
    expect([
      [b, c, a],
      [c, a, b],
    ]).toContainEqual(await order());

    // Applied twice at once: neither run fails, and her path gets each step once, in place.
    await Promise.all([applyServiceStepsToPaths(serviceId), applyServiceStepsToPaths(serviceId)]);
    const added = await getDb()
      .select({ key: pathSteps.key, removedAt: pathSteps.removedAt })
      .from(pathSteps)
      .where(and(eq(pathSteps.userId, learner), like(pathSteps.key, "service:%")));
    expect(added.map((s) => s.key).sort()).toEqual([a, b, c].map((id) => `service:${id}`).sort());
    expect(added.every((s) => s.removedAt === null)).toBe(true);
  });
});
