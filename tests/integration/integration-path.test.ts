// Integration paths through the real stack: account creation, invitations, steps done and validated
// (also at the same moment), competency corrections, and service steps applied to paths in progress.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { competencyValidations, invitations, outbox, pathSteps, tutorAssignments, users } from "../../db/schema";
import { dueDateFrom } from "~/domain/integration-path";
import { acceptInvitation, findInvitation } from "~/models/accounts.server";
import { addServiceStep, applyServiceStepsToPaths, archiveServiceStep, markStepDone, validateStep } from "~/models/path.server";
import { addValidation, correctValidation, listValidations } from "~/models/tutoring.server";
import { verifyLogin } from "~/models/user.server";
import * as nouveau from "~/routes/equipe.nouveau";
import * as parcours from "~/routes/parcours";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";
import { parisDay } from "~/utils/dates";

type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
let cadre: string;
let tutorId: string;
let cadreId: string;

beforeAll(async () => {
  cadre = await signIn("cadre@pivot.demo");
  tutorId = (await getDb().query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!.id;
  cadreId = (await getDb().query.users.findFirst({ where: eq(users.email, "cadre@pivot.demo") }))!.id;
});

async function createRecruit(email: string, hireDate = "2026-11-16") {
  const form = { name: "Lucie Bernard", email, role: "learner", profile: "nouvelle_recrue", serviceId: "svc-cardiologie", hireDate, tutorId };
  const { data } = await run(() => (nouveau.action as Action)({ request: request("/equipe/nouveau", { cookie: cadre, form }), params: {}, context: {} }));
  const result = unwrap(data).data as { ok: boolean; link: string };
  expect(result.ok).toBe(true);
  const user = (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!;
  return { user, token: result.link.split("/invitation/")[1]! };
}

describe("a new recruit's account", () => {
  it("gets her own path with due dates from her hire date, her tutor, an invitation and an outbox message", async () => {
    const { user, token } = await createRecruit("lucie.bernard@pivot.demo");
    expect(user.passwordHash).toBeNull();
    const steps = await getDb().select().from(pathSteps).where(eq(pathSteps.userId, user.id));
    expect(steps.length).toBeGreaterThan(5);
    const livret = steps.find((s) => s.key === "template:livret-accueil")!;
    // Due 3 days before her arrival, but never before her account existed: not late on day one.
    expect(livret.dueDate).toBe(dueDateFrom("2026-11-16", -3, parisDay()));
    expect(livret.dueDate >= parisDay()).toBe(true);
    expect(steps.some((s) => s.key.startsWith("service:"))).toBe(true); // the service's local steps
    expect(steps.find((s) => s.kind === "fiche")!.ficheId).toBe("cardiologie"); // the service's specialty
    const assignment = await getDb().query.tutorAssignments.findFirst({ where: eq(tutorAssignments.learnerId, user.id) });
    expect(assignment?.tutorId).toBe(tutorId);
    expect((await getDb().select().from(outbox).where(eq(outbox.to, "lucie.bernard@pivot.demo"))).length).toBe(1);
    const stored = await getDb().select().from(invitations).where(eq(invitations.userId, user.id));
    expect(stored[0]!.tokenHash).not.toContain(token); // only a hash is stored
    expect(await findInvitation(token)).not.toBeNull();
  });

  it("refuses a duplicate email with a French message and keeps what was typed", async () => {
    const form = {
      name: "Autre",
      email: "LUCIE.BERNARD@pivot.demo",
      role: "learner",
      profile: "nouvelle_recrue",
      serviceId: "svc-cardiologie",
      hireDate: "2026-11-16",
    };
    const { data } = await run(() => (nouveau.action as Action)({ request: request("/equipe/nouveau", { cookie: cadre, form }), params: {}, context: {} }));
    const { status, data: body } = unwrap(data) as { status: number; data: { errors: Record<string, string>; values: Record<string, string> } };
    expect(status).toBe(409);
    expect(body.errors.email).toBe("Cette adresse est déjà utilisée.");
    expect(body.values.name).toBe("Autre");
  });

  it("refuses a service the cadre does not manage", async () => {
    const form = { name: "X", email: "x.y@pivot.demo", role: "learner", profile: "nouvelle_recrue", serviceId: "svc-pneumologie", hireDate: "2026-11-16" };
    const { data } = await run(() => (nouveau.action as Action)({ request: request("/equipe/nouveau", { cookie: cadre, form }), params: {}, context: {} }));
    expect(unwrap(data).status).toBe(403);
  });

  it("the invitation sets the password once, then stops working; an expired one never works", async () => {
    const { user, token } = await createRecruit("marie.roux@pivot.demo");
    expect(await acceptInvitation({ token, password: "une phrase de passe solide", now: new Date(Date.now() + 8 * 86_400_000) })).toBeNull(); // after 7 days
    expect(await acceptInvitation({ token, password: "une phrase de passe solide" })).toBe(user.id);
    expect(await acceptInvitation({ token, password: "une autre phrase de passe" })).toBeNull();
    expect((await verifyLogin({ email: "marie.roux@pivot.demo", password: "une phrase de passe solide" })).ok).toBe(true);
  });
});

describe("steps done and validated", () => {
  it("the learner marking a step and the tutor validating it at the same moment lose nothing", async () => {
    const { user } = await createRecruit("ines.morel@pivot.demo");
    const step = (
      await getDb()
        .select()
        .from(pathSteps)
        .where(and(eq(pathSteps.userId, user.id), eq(pathSteps.requiresTutor, true)))
    )[0]!;
    const [done, validated] = await Promise.all([
      markStepDone({ learnerId: user.id, stepId: step.id, comment: "Fait avec Sophie mardi" }),
      validateStep({ learnerId: user.id, stepId: step.id, tutorId, comment: "Très bien" }),
    ]);
    expect(done && validated).toBe(true);
    const after = (await getDb().select().from(pathSteps).where(eq(pathSteps.id, step.id)))[0]!;
    expect(after.doneComment).toBe("Fait avec Sophie mardi");
    expect(after.validationComment).toBe("Très bien");
    expect(after.validatedBy).toBe(tutorId);
    expect(after.doneAt).not.toBeNull();
    expect(await validateStep({ learnerId: user.id, stepId: step.id, tutorId, comment: "encore" })).toBe(false); // validated once
  });

  it("a learner cannot mark a step of someone else's path, nor a module step by hand", async () => {
    const { user } = await createRecruit("paul.henry@pivot.demo");
    const cookie = await signIn("nouvelle.recrue@pivot.demo");
    const other = (await getDb().select().from(pathSteps).where(eq(pathSteps.userId, user.id)))[0]!;
    const { data } = await run(() =>
      (parcours.action as Action)({ request: request("/parcours", { cookie, form: { intent: "fait", stepId: other.id } }), params: {}, context: {} }),
    );
    expect(unwrap(data).status).toBe(404);
    expect((await getDb().select().from(pathSteps).where(eq(pathSteps.id, other.id)))[0]!.doneAt).toBeNull();
    const moduleStep = (
      await getDb()
        .select()
        .from(pathSteps)
        .where(and(eq(pathSteps.userId, user.id), eq(pathSteps.kind, "module")))
    )[0]!;
    expect(await markStepDone({ learnerId: user.id, stepId: moduleStep.id, comment: null })).toBe(false);
  });
});

describe("competencies observed on the job", () => {
  it("a correction keeps the corrected validation in the history", async () => {
    const { user } = await createRecruit("lea.garnier@pivot.demo");
    const first = await addValidation({
      learnerId: user.id,
      tutorId,
      validation: {
        competencyId: "gi-identitovigilance",
        level: "operationnelles",
        observedOn: "2026-11-18",
        evidence: "Identité vérifiée au guichet.",
      },
    });
    expect(
      await correctValidation({
        learnerId: user.id,
        validationId: first,
        tutorId,
        validation: {
          competencyId: "gi-identitovigilance",
          level: "generales",
          observedOn: "2026-11-18",
          evidence: "Niveau revu.",
        },
      }),
    ).toBe(true);
    expect(
      await correctValidation({
        learnerId: user.id,
        validationId: first,
        tutorId,
        validation: {
          competencyId: "gi-identitovigilance",
          level: "generales",
          observedOn: "2026-11-18",
          evidence: "Deux fois ?",
        },
      }),
    ).toBe(false);
    const all = await listValidations(user.id);
    expect(all).toHaveLength(2);
    expect(all.find((v) => v.id === first)!.supersededAt).not.toBeNull();
    expect(all.find((v) => v.id !== first)!.correctsId).toBe(first);
    const rows = await getDb().select().from(competencyValidations).where(eq(competencyValidations.learnerId, user.id));
    expect(rows.every((r) => r.validatedBy === tutorId)).toBe(true);
  });
});

describe("a service's local steps", () => {
  it("apply to paths in progress when the cadre chooses, without losing what was done", async () => {
    const { user } = await createRecruit("zoe.lambert@pivot.demo");
    const extra = await addServiceStep({
      serviceId: "svc-cardiologie",
      step: {
        phase: "semaine-1",
        kind: "rencontre",
        title: "Rencontrer la diététicienne",
        description: "Pour les patients en réadaptation cardiaque.",
        link: null,
        contact: "poste 4410",
        dueDay: 6,
        requiresTutor: false,
      },
      by: cadreId,
    });
    expect(await applyServiceStepsToPaths("svc-cardiologie")).toBeGreaterThan(0);
    const key = `service:${extra}`;
    const added = (
      await getDb()
        .select()
        .from(pathSteps)
        .where(and(eq(pathSteps.userId, user.id), eq(pathSteps.key, key)))
    )[0]!;
    expect(added.dueDate).toBe(dueDateFrom("2026-11-16", 6, parisDay())); // a step added to a path in progress is not late at once
    await markStepDone({ learnerId: user.id, stepId: added.id, comment: null });
    await archiveServiceStep({ serviceId: "svc-cardiologie", stepId: extra, by: cadreId });
    await applyServiceStepsToPaths("svc-cardiologie");
    const kept = (await getDb().select().from(pathSteps).where(eq(pathSteps.id, added.id)))[0]!;
    expect(kept.removedAt).toBeNull(); // done, so kept
    expect(kept.doneAt).not.toBeNull();
  });
});

describe("the service's steps, as the cadre edits them", () => {
  it("refuses a due day outside its phase, and keeps the order she sets even when two steps shared a position", async () => {
    const { getDb } = await import("~/utils/db.server");
    const { serviceSteps } = await import("../../db/schema");
    const { listServiceSteps, moveServiceStep } = await import("~/models/path.server");
    const parcoursService = await import("~/routes/equipe.parcours");
    const { signIn, request: req, run: runIt, unwrap } = await import("../helpers/requests");
    const cookie = await signIn("cadre@pivot.demo");
    const form = {
      intent: "ajouter",
      serviceId: "svc-cardiologie",
      phase: "avant-arrivee",
      kind: "document",
      title: "Lire la charte",
      description: "La charte du service.",
      dueDay: "120",
    };
    const refused = await runIt(() =>
      (parcoursService.action as never as (a: object) => Promise<unknown>)({ request: req("/equipe/parcours", { cookie, form }), params: {}, context: {} }),
    );
    const { data, status } = unwrap(refused.data);
    expect(status).toBe(400);
    expect((data as { errors: Record<string, string> }).errors.dueDay).toMatch(/^Pour la phase « Avant l'arrivée », l'échéance doit être comprise entre/);
    expect((data as { values: Record<string, string> }).values.title).toBe("Lire la charte"); // what she typed is kept

    const steps = await listServiceSteps("svc-cardiologie");
    expect(steps.length).toBeGreaterThanOrEqual(2);
    // Two steps with the same position: moving the second up must still put it first.
    for (const s of steps) await getDb().update(serviceSteps).set({ position: 50 }).where(eq(serviceSteps.id, s.id));
    const before = (await listServiceSteps("svc-cardiologie")).map((s) => s.id);
    expect(await moveServiceStep({ serviceId: "svc-cardiologie", stepId: before[1]!, direction: "up" })).toBe(true);
    expect((await listServiceSteps("svc-cardiologie")).map((s) => s.id)).toEqual([before[1], before[0], ...before.slice(2)]);
  });
});
