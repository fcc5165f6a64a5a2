// Accounts that end properly: offboarding (deactivate, reactivate, mentees released), erasure (she asks,
// an admin confirms, anonymised), through the real routes and a real SQLite file.
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { astonishmentReports, auditLog, certificates, checkpoints, sessions, tutorAssignments, users } from "../../db/schema";
import { attestComplement } from "~/models/certificate-registry.server";
import { listTutors } from "~/models/services.server";
import { listTeam, staffOverview } from "~/models/team-listing.server";
import { openBadgeCredential } from "~/models/open-badge.server";
import { verifyLogin } from "~/models/user.server";
import * as certificat from "~/routes/certificats.$code";
import * as monCompte from "~/routes/mon-compte";
import * as oublie from "~/routes/mot-de-passe-oublie";
import * as personne from "~/routes/equipe.$personne";
import * as suppressions from "~/routes/admin.suppressions";
import * as home from "~/routes/_index";
import { getDb } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { request, run, signIn, unwrap } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const ids: Record<string, string> = {};
const context = { clientAddress: "10.1.2.3" };

const byEmail = async (email: string) => (await getDb().query.users.findFirst({ where: eq(users.email, email) }))!;
const act = (route: { action?: unknown }, path: string, cookie: string, form: Record<string, string>, params: Record<string, string> = {}) =>
  run(() => (route.action as Fn)({ request: request(path, { cookie, form }), params, context }));
const lastAudit = async (action: string) => (await getDb().select().from(auditLog).where(eq(auditLog.action, action))).at(-1);

beforeAll(async () => {
  for (const [key, email] of Object.entries({
    recrue: "nouvelle.recrue@pivot.demo",
    confirmee: "secretaire.confirmee@pivot.demo",
    tuteur: "tuteur@pivot.demo",
    cadre: "cadre@pivot.demo",
    admin: "admin@pivot.demo",
  }))
    ids[key] = (await byEmail(email)).id;
});

describe("offboarding", () => {
  it("a cadre deactivates a tutor who leaves: she cannot sign in, her sessions end, her mentees come back to the cadre with a warning", async () => {
    const db = getDb();
    const tutorCookie = await signIn("tuteur@pivot.demo");
    const cadre = await signIn("cadre@pivot.demo");
    const mentees = await db
      .select()
      .from(tutorAssignments)
      .where(and(eq(tutorAssignments.tutorId, ids.tuteur!), isNull(tutorAssignments.endedAt)));
    expect(mentees.length).toBeGreaterThan(0);

    // The page warns before she confirms.
    const page = await run(() =>
      (personne.loader as Fn)({ request: request(`/equipe/${ids.tuteur}`, { cookie: cadre }), params: { personne: ids.tuteur! }, context }),
    );
    expect((page.data as { mentees: unknown[]; canDeactivate: boolean }).mentees.length).toBe(mentees.length);
    expect((page.data as { canDeactivate: boolean }).canDeactivate).toBe(true);

    // Without the confirmation box, nothing happens.
    const unconfirmed = await act(personne, `/equipe/${ids.tuteur}`, cadre, { intent: "desactiver" }, { personne: ids.tuteur! });
    expect(unwrap(unconfirmed.data).status).toBe(400);
    expect((await byEmail("tuteur@pivot.demo")).deactivatedAt).toBeNull();

    const done = await act(personne, `/equipe/${ids.tuteur}`, cadre, { intent: "desactiver", confirmation: "oui" }, { personne: ids.tuteur! });
    expect((done.data as { ok: boolean; message: string }).message).toMatch(/ne peut plus se connecter.*n'a plus de tutrice|n'ont plus de tutrice/s);

    // Her open session stops working at once; the right password is refused with a clear reason.
    const after = await run(() => (home.loader as Fn)({ request: request("/", { cookie: tutorCookie }), params: {}, context }));
    expect(after.response?.status).toBe(302);
    expect(await db.select().from(sessions).where(eq(sessions.userId, ids.tuteur!))).toEqual([]);
    expect(await verifyLogin({ email: "tuteur@pivot.demo", password: DEMO_PASSWORD })).toMatchObject({ ok: false, reason: "deactivated" });
    // A wrong password learns nothing more than « incorrect ».
    expect(await verifyLogin({ email: "tuteur@pivot.demo", password: "pas le bon" })).toMatchObject({ ok: false, reason: "invalid" });
    // No reset link for a closed account.
    const resets = await act(oublie, "/mot-de-passe-oublie", "", { email: "tuteur@pivot.demo" });
    expect(resets.data).toMatchObject({ error: null });
    expect(await db.query.passwordResets.findFirst({ where: (r, { eq }) => eq(r.userId, ids.tuteur!) })).toBeUndefined();

    // Out of the active lists, history kept.
    expect((await listTutors(["svc-cardiologie"])).map((t) => t.id)).not.toContain(ids.tuteur);
    const overview = await staffOverview(["svc-cardiologie"]);
    expect(overview.tutors.map((t) => t.id)).not.toContain(ids.tuteur);
    expect(overview.withoutTutor).toBeGreaterThanOrEqual(1);
    const orphans = await listTeam({
      serviceIds: ["svc-cardiologie"],
      status: "sans_tutrice",
      sort: "nom",
      direction: "asc",
      page: 1,
      pageSize: 25,
      today: "2026-12-02",
    });
    expect(orphans.rows.map((r) => r.id)).toContain(ids.recrue);
    const ended = await db.select().from(tutorAssignments).where(eq(tutorAssignments.tutorId, ids.tuteur!));
    expect(ended.every((a) => a.endedAt !== null)).toBe(true);

    // The audit log says who, on whom, from where, and each mentee released.
    const entry = await lastAudit("compte_desactive");
    expect(entry).toMatchObject({ actorId: ids.cadre, subjectId: ids.tuteur, address: "10.1.2.3" });
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "tutorat_termine"))).map((e) => e.subjectId)).toEqual(
      expect.arrayContaining(mentees.map((m) => m.learnerId)),
    );
    expect(await lastAudit("connexion_compte_desactive")).toMatchObject({ subjectId: ids.tuteur });
  });

  it("only an admin reactivates; the person signs in again with her own password", async () => {
    const cadre = await signIn("cadre@pivot.demo");
    const refused = await act(personne, `/equipe/${ids.tuteur}`, cadre, { intent: "reactiver" }, { personne: ids.tuteur! });
    expect(refused.response?.status).toBe(403);
    const admin = await signIn("admin@pivot.demo");
    const back = await act(personne, `/equipe/${ids.tuteur}`, admin, { intent: "reactiver" }, { personne: ids.tuteur! });
    expect(back.data).toMatchObject({ ok: true });
    expect(await verifyLogin({ email: "tuteur@pivot.demo", password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(await lastAudit("compte_reactive")).toMatchObject({ actorId: ids.admin, subjectId: ids.tuteur });
  });

  it("nobody deactivates her own account", async () => {
    const admin = await signIn("admin@pivot.demo");
    // The demo's admin belongs to the cardiology service, so she may open her own page: refused all the same.
    const self = await act(personne, `/equipe/${ids.admin}`, admin, { intent: "desactiver", confirmation: "oui" }, { personne: ids.admin! });
    expect(unwrap(self.data).status).toBe(400);
    expect((await byEmail("admin@pivot.demo")).deactivatedAt).toBeNull();
  });
});

describe("role, profile and service", () => {
  it("a cadre changes a role within her services, with the tutoring that no longer fits ended and each change in the journal", async () => {
    const db = getDb();
    const cadre = await signIn("cadre@pivot.demo");
    const admin = await signIn("admin@pivot.demo");
    const at = (cookie: string, form: Record<string, string>) =>
      act(personne, `/equipe/${ids.confirmee}`, cookie, { intent: "poste", ...form }, { personne: ids.confirmee! });
    // Bad values: a French message, nothing changed; another service than hers: 403.
    expect(unwrap((await at(cadre, { role: "admin", profile: "confirmee", serviceId: "svc-cardiologie" })).data).status).toBe(400);
    expect((await at(cadre, { role: "tutor", profile: "confirmee", serviceId: "svc-pneumologie" })).response?.status).toBe(403);
    expect((await byEmail("secretaire.confirmee@pivot.demo")).role).toBe("learner");

    // The confirmed secretary becomes a tutor, and is assigned a mentee.
    expect((await at(cadre, { role: "tutor", profile: "confirmee", serviceId: "svc-cardiologie" })).data).toMatchObject({ ok: true });
    expect((await byEmail("secretaire.confirmee@pivot.demo")).role).toBe("tutor");
    expect(await lastAudit("role_modifie")).toMatchObject({
      actorId: ids.cadre,
      subjectId: ids.confirmee,
      details: { avant: "En formation", après: "Tutorat" },
    });
    await act(personne, `/equipe/${ids.recrue}`, cadre, { intent: "tutrice", tutorId: ids.confirmee! }, { personne: ids.recrue! });
    expect(
      await db.query.tutorAssignments.findFirst({ where: and(eq(tutorAssignments.learnerId, ids.recrue!), isNull(tutorAssignments.endedAt)) }),
    ).toMatchObject({ tutorId: ids.confirmee });

    // An admin moves her to pneumology: her mentee is released, and told so.
    const moved = await at(admin, { role: "tutor", profile: "confirmee", serviceId: "svc-pneumologie" });
    expect((moved.data as { message: string }).message).toMatch(/une personne qu'elle suivait n'a plus de tutrice/);
    expect(
      await db.query.tutorAssignments.findFirst({ where: and(eq(tutorAssignments.learnerId, ids.recrue!), isNull(tutorAssignments.endedAt)) }),
    ).toBeUndefined();
    expect(await lastAudit("service_modifie")).toMatchObject({ actorId: ids.admin, details: { avant: "Cardiologie", après: "Pneumologie" } });

    // Back to training as a new recruit: she gets an integration path.
    expect((await at(admin, { role: "learner", profile: "nouvelle_recrue", serviceId: "svc-pneumologie" })).data).toMatchObject({ ok: true });
    expect(await db.query.pathSteps.findFirst({ where: (p, { eq }) => eq(p.userId, ids.confirmee!) })).toBeDefined();
    expect(await lastAudit("profil_modifie")).toMatchObject({ details: { avant: "Secrétaire confirmée", après: "Nouvelle recrue" } });
    // Put back as the demo had her, for the tests below.
    await at(admin, { role: "learner", profile: "confirmee", serviceId: "svc-cardiologie" });
  });
});

describe("erasure", () => {
  it("she asks on « Mon compte », may cancel, asks again; an admin confirms; everything that named her is gone", async () => {
    const db = getDb();
    const email = "secretaire.confirmee@pivot.demo";
    const me = await signIn(email);
    // A certificate with a tutor's note, and texts about her.
    expect(
      await attestComplement({
        learnerId: ids.confirmee!,
        attestation: { complementId: "sp-specialite", level: "generales", note: "Observée en consultation." },
        by: ids.tuteur!,
      }),
    ).toBe(true);
    await db.insert(checkpoints).values({
      id: "cp-erase",
      learnerId: ids.confirmee!,
      tutorId: ids.tuteur!,
      heldOn: "2026-11-20",
      notes: "Nadia gère bien le standard.",
      actions: "Revoir les courriers.",
    });
    await db
      .insert(astonishmentReports)
      .values({ learnerId: ids.confirmee!, surprises: "Le volume d'appels.", helped: "Sophie.", suggestions: "Un livret plus court." });
    const [certificate] = await db.select().from(certificates).where(eq(certificates.userId, ids.confirmee!));
    expect(certificate!.holderName).toBe("Nadia Benali");

    const unconfirmed = await act(monCompte, "/mon-compte", me, { intent: "suppression" });
    expect(unwrap(unconfirmed.data).status).toBe(400);
    expect((unwrap(unconfirmed.data).data as { errors: Record<string, string> }).errors.confirmation).toMatch(/Cochez/);
    await act(monCompte, "/mon-compte", me, { intent: "suppression", confirmation: "oui" });
    expect((await byEmail(email)).erasureRequestedAt).not.toBeNull();
    await act(monCompte, "/mon-compte", me, { intent: "annuler-suppression" });
    expect((await byEmail(email)).erasureRequestedAt).toBeNull();
    await act(monCompte, "/mon-compte", me, { intent: "suppression", confirmation: "oui" });

    // Only an admin confirms, never for herself, and only with the box ticked.
    const admin = await signIn("admin@pivot.demo");
    const list = await run(() => (suppressions.loader as Fn)({ request: request("/admin/suppressions", { cookie: admin }), params: {}, context }));
    expect((list.data as { requests: { id: string }[] }).requests.map((r) => r.id)).toEqual([ids.confirmee]);
    const unticked = await act(suppressions, "/admin/suppressions", admin, { userId: ids.confirmee! });
    expect(unwrap(unticked.data).status).toBe(400);
    const selfErase = await act(suppressions, "/admin/suppressions", admin, { userId: ids.admin!, confirmation: "oui" });
    expect(unwrap(selfErase.data).status).toBe(400);
    const done = await act(suppressions, "/admin/suppressions", admin, { userId: ids.confirmee!, confirmation: "oui" });
    expect(done.data).toMatchObject({ ok: true });
    const again = await act(suppressions, "/admin/suppressions", admin, { userId: ids.confirmee!, confirmation: "oui" });
    expect(unwrap(again.data).status).toBe(409);

    // Anonymised: no name, no email, no password, no free text; her cookie no longer works.
    const erased = (await db.query.users.findFirst({ where: eq(users.id, ids.confirmee!) }))!;
    expect(erased).toMatchObject({ name: "Compte supprimé", passwordHash: null, hireDate: null });
    expect(erased.email).not.toContain("benali");
    expect(erased.erasedAt).not.toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, ids.confirmee!))).toEqual([]);
    const stale = await run(() => (home.loader as Fn)({ request: request("/", { cookie: me }), params: {}, context }));
    expect(stale.response?.status).toBe(302);
    expect(await verifyLogin({ email, password: DEMO_PASSWORD })).toMatchObject({ ok: false, reason: "invalid", userId: null });
    const everything = JSON.stringify([
      await db.select().from(users).where(eq(users.id, ids.confirmee!)),
      await db.select().from(checkpoints).where(eq(checkpoints.learnerId, ids.confirmee!)),
      await db.select().from(astonishmentReports).where(eq(astonishmentReports.learnerId, ids.confirmee!)),
      await db.select().from(certificates).where(eq(certificates.userId, ids.confirmee!)),
    ]);
    for (const trace of ["Nadia", "Benali", email, "standard", "Le volume d'appels", "Observée en consultation"]) expect(everything).not.toContain(trace);

    // Her certificate stays verifiable, naming nobody (ADR 006).
    const publicPage = await run(() =>
      (certificat.loader as Fn)({ request: request(`/certificats/${certificate!.code}`), params: { code: certificate!.code }, context }),
    );
    const view = (publicPage.data as { view: { holderName: string; holderErased: boolean; status: string } }).view;
    expect(view).toMatchObject({ holderErased: true, holderName: "une personne dont le compte a été supprimé", status: "valide" });
    const [after] = await db.select().from(certificates).where(eq(certificates.userId, ids.confirmee!));
    const badge = openBadgeCredential(after!, "http://localhost");
    expect(badge.credentialSubject).not.toHaveProperty("name");

    expect(await lastAudit("effacement_demande")).toMatchObject({ actorId: ids.confirmee, subjectId: ids.confirmee });
    expect(await lastAudit("effacement_annule")).toMatchObject({ actorId: ids.confirmee });
    expect(await lastAudit("compte_efface")).toMatchObject({ actorId: ids.admin, subjectId: ids.confirmee, address: "10.1.2.3" });
  });
});
