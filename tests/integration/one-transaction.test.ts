// Actions that write several rows write them in one transaction, their audit entry included: when one of
// the writes fails (here the database refuses it, through a trigger made for the test), none of them stays.
// Each action goes through its real route, then runs again with the database working to show it succeeds.
import crypto from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  astonishmentReports,
  auditLog,
  certificates,
  competencyValidations,
  invitations,
  outbox,
  pathSteps,
  sessions,
  tutorAssignments,
  users,
} from "../../db/schema";
import { findInvitation } from "~/models/accounts.server";
import * as nouveau from "~/routes/equipe.nouveau";
import * as personne from "~/routes/equipe.$personne";
import * as monCompte from "~/routes/mon-compte";
import * as parcours from "~/routes/parcours";
import * as mentee from "~/routes/tutorat.$personne";
import { getDb } from "~/utils/db.server";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const context = { clientAddress: "10.9.8.7" };
const ids: Record<string, string> = {};
let cadre = "";
let tutor = "";

const act = (route: { action?: unknown }, path: string, cookie: string, form: Record<string, string>, params: Record<string, string> = {}) =>
  run(() => (route.action as Fn)({ request: request(path, { cookie, form }), params, context }));
async function rows(table: SQLiteTable) {
  const [row] = await getDb().select({ n: count() }).from(table);
  return row?.n ?? 0;
}
const entries = async (action: string, subjectId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

/**
 * Runs `work` while the database refuses one kind of write, as a full disk or a lost connection would. The
 * trigger is a real one, not TEMP: a TEMP trigger lives on one connection, and a transaction may run on another.
 */
async function refusing(trigger: string, work: () => Promise<unknown>) {
  const db = getDb();
  await db.run(sql.raw(`CREATE TRIGGER refused_by_the_test BEFORE ${trigger} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`));
  try {
    await work();
  } finally {
    await db.run(sql.raw("DROP TRIGGER refused_by_the_test"));
  }
}

beforeAll(async () => {
  for (const [key, email] of Object.entries({
    recrue: "nouvelle.recrue@pivot.demo",
    confirmee: "secretaire.confirmee@pivot.demo",
    tuteur: "tuteur@pivot.demo",
  }))
    ids[key] = (await getDb().query.users.findFirst({ where: eq(users.email, email), columns: { id: true } }))!.id;
  cadre = await signIn("cadre@pivot.demo");
  tutor = await signIn("tuteur@pivot.demo");
});

describe("an account created by a cadre", () => {
  it("without its audit entry, leaves no account, invitation, message, path nor tutor", async () => {
    const email = "alice.refus@pivot.demo";
    const form = { name: "Alice Refus", email, role: "learner", profile: "nouvelle_recrue", serviceId: "svc-cardiologie", hireDate: "2026-11-16" };
    const before = await Promise.all([users, invitations, outbox, pathSteps, tutorAssignments].map((t) => rows(t)));
    await refusing("INSERT ON audit_log WHEN NEW.action = 'compte_cree'", () =>
      expect(act(nouveau, "/equipe/nouveau", cadre, { ...form, tutorId: ids.tuteur! })).rejects.toThrow(),
    );
    expect(await Promise.all([users, invitations, outbox, pathSteps, tutorAssignments].map((t) => rows(t)))).toEqual(before);

    // The log working again, the same form creates all of it, and says so in the log.
    const { data } = await act(nouveau, "/equipe/nouveau", cadre, { ...form, tutorId: ids.tuteur! });
    expect((unwrap(data).data as { ok: boolean }).ok).toBe(true);
    const created = (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!;
    expect(await getDb().select().from(pathSteps).where(eq(pathSteps.userId, created.id))).not.toHaveLength(0);
    expect(await getDb().query.tutorAssignments.findFirst({ where: eq(tutorAssignments.learnerId, created.id) })).toMatchObject({ tutorId: ids.tuteur });
    expect(await entries("compte_cree", created.id)).toMatchObject([{ actorId: expect.any(String), address: context.clientAddress }]);
  });

  it("a new invitation link, without its audit entry, leaves the previous link working", async () => {
    const email = "bruno.refus@pivot.demo";
    const form = { name: "Bruno Refus", email, role: "learner", profile: "confirmee", serviceId: "svc-cardiologie", hireDate: "2026-11-16" };
    const { data } = await act(nouveau, "/equipe/nouveau", cadre, form);
    const token = (unwrap(data).data as { link: string }).link.split("/invitation/")[1]!;
    const id = (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!.id;
    await refusing("INSERT ON audit_log WHEN NEW.action = 'invitation_renouvelee'", () =>
      expect(act(personne, `/equipe/${id}`, cadre, { intent: "invitation" }, { personne: id })).rejects.toThrow(),
    );
    expect(await findInvitation(token)).not.toBeNull();
    expect(await getDb().select().from(invitations).where(eq(invitations.userId, id))).toHaveLength(1);

    const renewed = await act(personne, `/equipe/${id}`, cadre, { intent: "invitation" }, { personne: id });
    expect((unwrap(renewed.data).data as { ok: boolean }).ok).toBe(true);
    expect(await findInvitation(token)).toBeNull();
    expect(await entries("invitation_renouvelee", id)).toHaveLength(1);
  });

  it("a tutor assigned, without its audit entry, leaves the tutoring as it was", async () => {
    const openAssignments = () =>
      getDb()
        .select({ tutorId: tutorAssignments.tutorId })
        .from(tutorAssignments)
        .where(and(eq(tutorAssignments.learnerId, ids.confirmee!), isNull(tutorAssignments.endedAt)));
    const before = await openAssignments();
    expect(before).not.toContainEqual({ tutorId: ids.tuteur });
    const path = `/equipe/${ids.confirmee}`;
    await refusing("INSERT ON audit_log WHEN NEW.action = 'tutrice_attribuee'", () =>
      expect(act(personne, path, cadre, { intent: "tutrice", tutorId: ids.tuteur! }, { personne: ids.confirmee! })).rejects.toThrow(),
    );
    expect(await openAssignments()).toEqual(before);

    await act(personne, path, cadre, { intent: "tutrice", tutorId: ids.tuteur! }, { personne: ids.confirmee! });
    expect(await openAssignments()).toEqual([{ tutorId: ids.tuteur }]);
    expect(await entries("tutrice_attribuee", ids.confirmee!)).toHaveLength(1);
  });

  it("a change of profile, when her new path cannot be written, leaves her profile and its audit entry unwritten", async () => {
    const learnerEmail = "chloe.refus@pivot.demo";
    const form = { name: "Chloé Refus", email: learnerEmail, role: "learner", profile: "confirmee", serviceId: "svc-cardiologie", hireDate: "2026-11-16" };
    await act(nouveau, "/equipe/nouveau", cadre, form);
    const id = (await getDb().query.users.findFirst({ where: eq(users.email, learnerEmail) }))!.id;
    const change = { intent: "poste", role: "learner", profile: "nouvelle_recrue", serviceId: "svc-cardiologie" };
    await refusing("INSERT ON path_steps", () => expect(act(personne, `/equipe/${id}`, cadre, change, { personne: id })).rejects.toThrow());
    expect((await getDb().query.users.findFirst({ where: eq(users.id, id) }))!.profile).toBe("confirmee");
    expect(await entries("profil_modifie", id)).toEqual([]);

    await act(personne, `/equipe/${id}`, cadre, change, { personne: id });
    expect((await getDb().query.users.findFirst({ where: eq(users.id, id) }))!.profile).toBe("nouvelle_recrue");
    expect(await getDb().select().from(pathSteps).where(eq(pathSteps.userId, id))).not.toHaveLength(0);
  });
});

describe("what a tutor records about her mentee", () => {
  const page = () => `/tutorat/${ids.recrue}`;
  const params = () => ({ personne: ids.recrue! });

  it("a step validated, without its audit entry, stays to validate", async () => {
    const [step] = await getDb()
      .select({ id: pathSteps.id })
      .from(pathSteps)
      .where(and(eq(pathSteps.userId, ids.recrue!), isNull(pathSteps.validatedAt), isNull(pathSteps.removedAt), sql`${pathSteps.kind} <> 'module'`))
      .limit(1);
    const form = { intent: "valider-etape", stepId: step!.id, comment: "Très bien fait." };
    await refusing("INSERT ON audit_log WHEN NEW.action = 'etape_validee'", () => expect(act(mentee, page(), tutor, form, params())).rejects.toThrow());
    const validated = async () => (await getDb().query.pathSteps.findFirst({ where: eq(pathSteps.id, step!.id) }))!.validatedAt;
    expect(await validated()).toBeNull();

    await act(mentee, page(), tutor, form, params());
    expect(await validated()).not.toBeNull();
    expect(await entries("etape_validee", ids.recrue!)).toMatchObject([{ actorId: ids.tuteur, details: { étape: step!.id } }]);
  });

  it("a competency observed, without its audit entry, is not recorded", async () => {
    const form = {
      intent: "valider-competence",
      competencyId: "gi-identitovigilance",
      level: "operationnelles",
      observedOn: "2026-01-12",
      evidence: "Identité vérifiée au guichet avant la consultation.",
    };
    const recorded = () =>
      getDb()
        .select()
        .from(competencyValidations)
        .where(and(eq(competencyValidations.learnerId, ids.recrue!), eq(competencyValidations.evidence, form.evidence)));
    await refusing("INSERT ON audit_log WHEN NEW.action = 'competence_validee'", () => expect(act(mentee, page(), tutor, form, params())).rejects.toThrow());
    expect(await recorded()).toEqual([]);

    await act(mentee, page(), tutor, form, params());
    expect(await recorded()).toHaveLength(1);
    expect(await entries("competence_validee", ids.recrue!)).toHaveLength(1);
  });

  it("a complement attested, without its audit entry, issues no certificate", async () => {
    const form = { intent: "attestation", complementId: "sp-specialite", level: "generales", note: "Observée en consultation pendant trois semaines." };
    const issued = () =>
      getDb()
        .select()
        .from(certificates)
        .where(and(eq(certificates.userId, ids.recrue!), eq(certificates.kind, "complement")));
    await refusing("INSERT ON audit_log WHEN NEW.action = 'complement_atteste'", () => expect(act(mentee, page(), tutor, form, params())).rejects.toThrow());
    expect(await issued()).toEqual([]);

    await act(mentee, page(), tutor, form, params());
    expect(await issued()).toHaveLength(1);
    expect(await entries("complement_atteste", ids.recrue!)).toHaveLength(1);
  });
});

describe("what a learner does herself", () => {
  it("her rapport d'étonnement, when its step cannot be marked done, is not saved either", async () => {
    const recrue = await signIn("nouvelle.recrue@pivot.demo");
    const report = {
      intent: "rapport",
      surprises: "La quantité de courriers à trier chaque matin.",
      helped: "Le livret d'accueil et ma tutrice.",
      suggestions: "Un plan des bureaux dès le premier jour.",
    };
    // The fixture template has no rapport step: her path gets one, as the real template gives it.
    const stepId = crypto.randomUUID();
    await getDb().insert(pathSteps).values({
      id: stepId,
      userId: ids.recrue!,
      key: "template:rapport-etonnement",
      phase: "semaine-1",
      position: 500,
      kind: "rapport",
      title: "Rapport d'étonnement",
      description: "Ce qui vous a surprise.",
      dueDate: "2026-12-01",
    });
    const rapportStep = () => getDb().query.pathSteps.findFirst({ where: eq(pathSteps.id, stepId) });
    await refusing("UPDATE ON path_steps WHEN NEW.kind = 'rapport'", () => expect(act(parcours, "/parcours", recrue, report)).rejects.toThrow());
    expect(await getDb().query.astonishmentReports.findFirst({ where: eq(astonishmentReports.learnerId, ids.recrue!) })).toBeUndefined();

    await act(parcours, "/parcours", recrue, report);
    expect(await getDb().query.astonishmentReports.findFirst({ where: eq(astonishmentReports.learnerId, ids.recrue!) })).toMatchObject({
      surprises: report.surprises,
    });
    expect((await rapportStep())?.doneAt).not.toBeNull();
  });

  it("her other sessions closed, without the audit entry, stay open", async () => {
    const first = await signIn("secretaire.confirmee@pivot.demo");
    await signIn("secretaire.confirmee@pivot.demo");
    const open = async () => (await getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, ids.confirmee!)))[0]!.n;
    const before = await open();
    expect(before).toBeGreaterThanOrEqual(2);
    await refusing("INSERT ON audit_log WHEN NEW.action = 'sessions_fermees'", () =>
      expect(act(monCompte, "/mon-compte", first, { intent: "autres-sessions" })).rejects.toThrow(),
    );
    expect(await open()).toBe(before);

    await act(monCompte, "/mon-compte", first, { intent: "autres-sessions" });
    expect(await open()).toBe(1);
    expect(await entries("sessions_fermees", ids.confirmee!)).toHaveLength(1);
  });
});
