// Integration paths: a learner's own copy of the template and of her service's local steps,
// the steps she marks done and those her tutor validates.
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { DONE_STATUSES, moduleProgress, pathSteps, serviceSteps, services, users } from "../../db/schema";
import { getIntegrationPath } from "~/content/modules.server";
import { STEP_KINDS, type PathTemplate } from "~/content/integration-path";
import { daysLate, dueDateFrom, planServiceMerge, STEP_STATUSES, stepStatus, summarizePath, type StepDefinition } from "~/domain/integration-path";
import { getDb } from "~/utils/db.server";
import { parisDay } from "~/utils/dates";
import { recordAudit } from "./audit.server";

const now = () => new Date().toISOString();

export function templateDefinitions(template: PathTemplate, specialty: string | null): StepDefinition[] {
  return template.steps.map((s, i) => ({
    key: `template:${s.id}`,
    phase: s.phase,
    position: i * 10,
    kind: s.kind,
    title: s.title,
    description: s.description,
    link: null,
    contact: null,
    module: s.module ?? null,
    fiche: s.kind === "fiche" ? (s.fiche ?? specialty) : null,
    dueDay: s.dueDay,
    requiresTutor: s.requiresTutor,
  }));
}

export async function serviceDefinitions(serviceId: string, db: Db | Tx = getDb()): Promise<StepDefinition[]> {
  const rows = await db
    .select()
    .from(serviceSteps)
    .where(and(eq(serviceSteps.serviceId, serviceId), isNull(serviceSteps.archivedAt)))
    .orderBy(asc(serviceSteps.phase), asc(serviceSteps.position));
  return rows.map((r) => ({
    key: `service:${r.id}`,
    phase: r.phase,
    position: 1000 + r.position,
    kind: r.kind,
    title: r.title,
    description: r.description,
    link: r.link,
    contact: r.contact,
    module: null,
    fiche: null,
    dueDay: r.dueDay,
    requiresTutor: r.requiresTutor,
  }));
}

/** What a step's definition gives her path; `createdAt` is her account's creation (no due date falls before it). */
function stepFields(hireDate: string, d: StepDefinition, createdAt: string) {
  return {
    phase: d.phase,
    position: d.position,
    kind: d.kind,
    title: d.title,
    description: d.description,
    link: d.link,
    contact: d.contact,
    moduleId: d.module,
    ficheId: d.fiche,
    dueDate: dueDateFrom(hireDate, d.dueDay, parisDay(createdAt)),
    requiresTutor: d.requiresTutor,
  };
}

/** A new step of her path. */
function rowFor(userId: string, hireDate: string, d: StepDefinition, createdAt: string) {
  return { id: crypto.randomUUID(), userId, key: d.key, ...stepFields(hireDate, d, createdAt) };
}

/**
 * Gives a learner her path (template + service steps). Idempotent: existing steps are kept as they are. Pass
 * the transaction's `tx` to make it part of a larger change (an account created, a new profile).
 */
export async function createPathFor(userId: string, db: Db | Tx = getDb(), template: PathTemplate = getIntegrationPath()) {
  const [user] = await db
    .select({ hireDate: users.hireDate, createdAt: users.createdAt, serviceId: users.serviceId, specialty: services.specialty })
    .from(users)
    .leftJoin(services, eq(services.id, users.serviceId))
    .where(eq(users.id, userId));
  if (!user?.hireDate) return 0;
  const definitions = [...templateDefinitions(template, user.specialty ?? null), ...(user.serviceId ? await serviceDefinitions(user.serviceId, db) : [])];
  const rows = definitions.map((d) => rowFor(userId, user.hireDate!, d, user.createdAt));
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insert(pathSteps)
      .values(rows.slice(i, i + 50))
      .onConflictDoNothing();
  return rows.length;
}

export type PathStepRow = typeof pathSteps.$inferSelect & { moduleCompleted: boolean };

/** A learner's path in display order (phase order of the template, then due date). */
export async function getPath(userId: string): Promise<PathStepRow[]> {
  const db = getDb();
  const rows = await db
    .select()
    .from(pathSteps)
    .where(and(eq(pathSteps.userId, userId), isNull(pathSteps.removedAt)))
    .orderBy(asc(pathSteps.dueDate), asc(pathSteps.position));
  const completed = new Set(
    (
      await db
        .select({ moduleId: moduleProgress.moduleId })
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, userId), inArray(moduleProgress.status, DONE_STATUSES)))
    ).map((r) => r.moduleId),
  );
  const phaseOrder = new Map(getIntegrationPath().phases.map((p, i) => [p.id, i]));
  return rows
    .map((r) => ({ ...r, moduleCompleted: r.moduleId ? completed.has(r.moduleId) : false }))
    .sort((a, b) => (phaseOrder.get(a.phase) ?? 99) - (phaseOrder.get(b.phase) ?? 99) || a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
}

/** Paths of several learners at once (for lists): one query for the steps, one for completed modules. */
export async function getPaths(userIds: string[]) {
  if (userIds.length === 0) return new Map<string, PathStepRow[]>();
  const db = getDb();
  const rows = await db
    .select()
    .from(pathSteps)
    .where(and(inArray(pathSteps.userId, userIds), isNull(pathSteps.removedAt)));
  const done = await db
    .select({ userId: moduleProgress.userId, moduleId: moduleProgress.moduleId })
    .from(moduleProgress)
    .where(and(inArray(moduleProgress.userId, userIds), inArray(moduleProgress.status, DONE_STATUSES)));
  const completed = new Set(done.map((d) => `${d.userId}|${d.moduleId}`));
  const out = new Map<string, PathStepRow[]>(userIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.userId)!.push({ ...r, moduleCompleted: r.moduleId ? completed.has(`${r.userId}|${r.moduleId}`) : false });
  return out;
}

/**
 * The learner marks a step done. Only the learner's columns are written, so a tutor validating the
 * same step at the same moment loses nothing. Module steps are done by completing the module.
 */
export async function markStepDone({ learnerId, stepId, comment }: { learnerId: string; stepId: string; comment: string | null }) {
  const result = await getDb()
    .update(pathSteps)
    .set({ doneAt: sql`coalesce(${pathSteps.doneAt}, ${now()})`, doneBy: sql`coalesce(${pathSteps.doneBy}, ${learnerId})`, doneComment: comment })
    .where(and(eq(pathSteps.id, stepId), eq(pathSteps.userId, learnerId), isNull(pathSteps.removedAt), sql`${pathSteps.kind} <> 'module'`))
    .returning({ id: pathSteps.id });
  return result.length === 1;
}

/** The learner takes back a step she marked by mistake, as long as it is not validated. */
export async function unmarkStep({ learnerId, stepId }: { learnerId: string; stepId: string }) {
  const result = await getDb()
    .update(pathSteps)
    .set({ doneAt: null, doneBy: null, doneComment: null })
    .where(and(eq(pathSteps.id, stepId), eq(pathSteps.userId, learnerId), isNull(pathSteps.validatedAt)))
    .returning({ id: pathSteps.id });
  return result.length === 1;
}

/**
 * The tutor validates a step of her mentee (checked by the caller). Validation also records the step as
 * done if the learner had not marked it (a point d'étape, for instance), without overwriting her mark.
 * The audit entry is written in the same transaction: no validation without it.
 */
export async function validateStep({
  learnerId,
  stepId,
  tutorId,
  comment,
  address = null,
}: {
  learnerId: string;
  stepId: string;
  tutorId: string;
  comment: string | null;
  address?: string | null;
}) {
  const at = now();
  return getDb().transaction(async (tx) => {
    const result = await tx
      .update(pathSteps)
      .set({
        validatedAt: at,
        validatedBy: tutorId,
        validationComment: comment,
        doneAt: sql`coalesce(${pathSteps.doneAt}, ${at})`,
        doneBy: sql`coalesce(${pathSteps.doneBy}, ${tutorId})`,
      })
      .where(and(eq(pathSteps.id, stepId), eq(pathSteps.userId, learnerId), isNull(pathSteps.validatedAt), isNull(pathSteps.removedAt)))
      .returning({ id: pathSteps.id });
    if (result.length !== 1) return false;
    await recordAudit({ action: "etape_validee", actorId: tutorId, subjectId: learnerId, address, details: { étape: stepId } }, tx);
    return true;
  });
}

/** Her rapport d'étonnement is written: its step of her path (the first one still to do, if any) is done too. */
export async function markReportStepDone(learnerId: string, tx: Tx) {
  const [step] = await tx
    .select({ id: pathSteps.id })
    .from(pathSteps)
    .where(and(eq(pathSteps.userId, learnerId), eq(pathSteps.kind, "rapport"), isNull(pathSteps.doneAt), isNull(pathSteps.removedAt)))
    .orderBy(asc(pathSteps.dueDate), asc(pathSteps.position))
    .limit(1);
  if (step) await tx.update(pathSteps).set({ doneAt: now(), doneBy: learnerId, doneComment: null }).where(eq(pathSteps.id, step.id));
}

// --- Local steps of a service (managed by its cadre) ---

export async function listServiceSteps(serviceId: string, db: Db | Tx = getDb()) {
  return db
    .select()
    .from(serviceSteps)
    .where(and(eq(serviceSteps.serviceId, serviceId), isNull(serviceSteps.archivedAt)))
    .orderBy(asc(serviceSteps.position));
}

export type ServiceStepInput = {
  phase: string;
  kind: string;
  title: string;
  description: string;
  link: string | null;
  contact: string | null;
  dueDay: number;
  requiresTutor: boolean;
};

/** Adds a step after the service's last one; the position is read and used in one transaction (no tie). */
export async function addServiceStep({ serviceId, step, by }: { serviceId: string; step: ServiceStepInput; by: string }) {
  const id = crypto.randomUUID();
  await getDb().transaction(async (tx) => {
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${serviceSteps.position}), 0)` })
      .from(serviceSteps)
      .where(eq(serviceSteps.serviceId, serviceId));
    await tx.insert(serviceSteps).values({ id, serviceId, position: (last?.max ?? 0) + 10, ...step, updatedBy: by });
  });
  return id;
}

export async function updateServiceStep({ serviceId, stepId, step, by }: { serviceId: string; stepId: string; step: ServiceStepInput; by: string }) {
  const result = await getDb()
    .update(serviceSteps)
    .set({ ...step, updatedBy: by, updatedAt: now() })
    .where(and(eq(serviceSteps.id, stepId), eq(serviceSteps.serviceId, serviceId), isNull(serviceSteps.archivedAt)))
    .returning({ id: serviceSteps.id });
  return result.length === 1;
}

export async function archiveServiceStep({ serviceId, stepId, by }: { serviceId: string; stepId: string; by: string }) {
  const result = await getDb()
    .update(serviceSteps)
    .set({ archivedAt: now(), updatedBy: by })
    .where(and(eq(serviceSteps.id, stepId), eq(serviceSteps.serviceId, serviceId), isNull(serviceSteps.archivedAt)))
    .returning({ id: serviceSteps.id });
  return result.length === 1;
}

/**
 * Moves a local step one place up or down in the order shown, then numbers every step again (10, 20, 30…),
 * so that the order she sets is the order kept even when two steps had the same position. The order is read
 * in the same transaction, so two moves at once both count.
 */
export async function moveServiceStep({ serviceId, stepId, direction }: { serviceId: string; stepId: string; direction: "up" | "down" }) {
  return getDb().transaction(async (tx) => {
    const steps = await listServiceSteps(serviceId, tx);
    const i = steps.findIndex((s) => s.id === stepId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= steps.length) return false;
    const order = steps.map((s) => s.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [index, id] of order.entries())
      await tx
        .update(serviceSteps)
        .set({ position: (index + 1) * 10 })
        .where(eq(serviceSteps.id, id));
    return true;
  });
}

/**
 * Brings the paths in progress of a service up to date with its local steps, keeping everything that
 * was done (see planServiceMerge). Returns how many paths changed. The steps are read in the transaction
 * that writes them: a step she marks done meanwhile is never removed, and two runs at once add nothing twice.
 * Pass the transaction's `tx` to make it part of a larger change (someone moving to the service).
 */
export async function applyServiceStepsToPaths(serviceId: string, tx?: Tx): Promise<number> {
  if (!tx) return getDb().transaction((own) => applyServiceStepsToPaths(serviceId, own));
  const definitions = await serviceDefinitions(serviceId, tx);
  const learners = await tx
    .select({ id: users.id, hireDate: users.hireDate, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.serviceId, serviceId), eq(users.role, "learner"), eq(users.profile, "nouvelle_recrue")));
  const ids = learners.filter((l) => l.hireDate).map((l) => l.id);
  if (ids.length === 0) return 0;
  const existing = await tx
    .select({
      id: pathSteps.id,
      userId: pathSteps.userId,
      key: pathSteps.key,
      doneAt: pathSteps.doneAt,
      validatedAt: pathSteps.validatedAt,
      removedAt: pathSteps.removedAt,
    })
    .from(pathSteps)
    .where(and(inArray(pathSteps.userId, ids), sql`${pathSteps.key} like 'service:%'`));
  let changed = 0;
  for (const learner of learners) {
    if (!learner.hireDate) continue;
    const plan = planServiceMerge(
      existing.filter((e) => e.userId === learner.id),
      definitions,
    );
    if (plan.insert.length + plan.update.length + plan.remove.length === 0) continue;
    changed++;
    // A step reaching a path in progress is never due before today: she cannot be late on it at once.
    if (plan.insert.length) await tx.insert(pathSteps).values(plan.insert.map((d) => rowFor(learner.id, learner.hireDate!, d, new Date().toISOString())));
    for (const { id, definition: d } of plan.update)
      await tx
        .update(pathSteps)
        .set({ ...stepFields(learner.hireDate, d, learner.createdAt), removedAt: null })
        .where(eq(pathSteps.id, id));
    if (plan.remove.length) await tx.update(pathSteps).set({ removedAt: now() }).where(inArray(pathSteps.id, plan.remove));
  }
  return changed;
}

/** What the path rules need of a step to give its status. */
function stepProgress(r: PathStepRow) {
  return { dueDate: r.dueDate, requiresTutor: r.requiresTutor, doneAt: r.doneAt, validatedAt: r.validatedAt, moduleCompleted: r.moduleCompleted, kind: r.kind };
}

/** A path ready to display: phases of the template in order, each with its steps and their status. */
export function pathView(rows: PathStepRow[], today: string) {
  const template = getIntegrationPath();
  const kindLabels = new Map<string, string>(STEP_KINDS.map((k) => [k.id, k.label]));
  const steps = rows.map((r) => {
    const progress = stepProgress(r);
    const status = stepStatus(progress, today);
    return {
      id: r.id,
      key: r.key,
      phase: r.phase,
      kind: r.kind,
      kindLabel: kindLabels.get(r.kind) ?? r.kind,
      title: r.title,
      description: r.description,
      link: r.link,
      contact: r.contact,
      moduleId: r.moduleId,
      ficheId: r.ficheId,
      dueDate: r.dueDate,
      requiresTutor: r.requiresTutor,
      doneAt: r.doneAt,
      doneComment: r.doneComment,
      validatedAt: r.validatedAt,
      validationComment: r.validationComment,
      status,
      statusLabel: STEP_STATUSES[status],
      daysLate: daysLate(progress, today),
    };
  });
  return {
    title: template.title,
    summary: summarizePath(rows.map(stepProgress), today),
    phases: template.phases.map((p) => ({ id: p.id, title: p.title, steps: steps.filter((s) => s.phase === p.id) })).filter((p) => p.steps.length > 0),
  };
}
export type PathView = ReturnType<typeof pathView>;
export type PathStepView = PathView["phases"][number]["steps"][number];
