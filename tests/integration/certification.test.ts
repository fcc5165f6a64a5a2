// The certifying pathway through the real stack: a block assessment taken through its route, evidence
// gathered from attempts and tutor validations, the rules applied, corrections taken into account.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { moduleProgress, users } from "../../db/schema";
import { getBlockAssessment } from "~/content/modules.server";
import { certificationOf } from "~/models/certification.server";
import { addValidation, correctValidation } from "~/models/tutoring.server";
import * as evaluation from "~/routes/blocs.$bloc_.evaluation";
import * as certification from "~/routes/certification";
import { getDb } from "~/utils/db.server";
import { answersFor } from "../helpers/right-answers";
import { request, run, signIn } from "../helpers/requests";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const BLOCK = "gestion-information";
const here = `/blocs/${BLOCK}/evaluation`;
let cookie: string;
let learnerId: string;
let tutorId: string;

beforeAll(async () => {
  cookie = await signIn("secretaire.confirmee@pivot.demo");
  learnerId = (await getDb().query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!.id;
  tutorId = (await getDb().query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!.id;
});

async function load(search = "") {
  const { data, response } = await run(() => (evaluation.loader as Fn)({ request: request(`${here}${search}`, { cookie }), params: { bloc: BLOCK }, context: {} }));
  if (!data) throw new Error(`loader failed: ${response?.status}`);
  return data as Awaited<ReturnType<typeof evaluation.loader>>;
}

describe("the certifying pathway", () => {
  it("starts with nothing validated and says what to do first", async () => {
    const result = await certificationOf(learnerId);
    expect(result.validated).toBe(false);
    expect(result.blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBeNull();
    expect(result.summary).toMatch(/^Il vous reste : /);
  });

  it("a block assessment drawn across the block's modules is graded, leaves module progress alone, and counts as evidence", async () => {
    const start = await run(() => (evaluation.action as Fn)({ request: request(here, { cookie, form: { intent: "commencer" } }), params: { bloc: BLOCK }, context: {} }));
    expect(start.response?.status).toBe(302);
    const open = (await load()).openAttempt!;
    expect(open.questions.length).toBe(getBlockAssessment(BLOCK)!.quiz!.drawCount);
    expect(JSON.stringify(open)).not.toMatch(/"correct"\s*:\s*true|explanation/);
    const form = { intent: "envoyer", attemptId: open.id, ...answersFor(getBlockAssessment(BLOCK)!.quiz!.questions, open.questions) };
    const sent = await run(() => (evaluation.action as Fn)({ request: request(here, { cookie, form }), params: { bloc: BLOCK }, context: {} }));
    expect(sent.response?.headers.get("Location")).toMatch(/\?tentative=.+#resultat$/);
    const shown = await load(`?tentative=${open.id}`);
    expect(shown.result?.score).toBe(100);
    expect(shown.best).toBe(100);
    const progress = await getDb().select().from(moduleProgress).where(and(eq(moduleProgress.userId, learnerId), eq(moduleProgress.moduleId, `evaluation-${BLOCK}`)));
    expect(progress).toEqual([]);

    const result = await certificationOf(learnerId);
    const block = result.blocks.find((b) => b.blockId === BLOCK)!;
    expect(block.levels[0]!.assessmentMet).toBe(true);
    expect(block.validatedLevel).toBe("generales"); // the quiz answers of the assessment count for the competency too
    expect(block.nextActions.join(" ")).toMatch(/en situation de travail avec votre tuteur/);
  });

  it("two observations on different days validate the next level; correcting one takes it back", async () => {
    await addValidation(learnerId, tutorId, { competencyId: "gi-identitovigilance", level: "operationnelles", observedOn: "2026-11-02", evidence: "Accueil d'un patient, identité vérifiée." });
    const second = await addValidation(learnerId, tutorId, { competencyId: "gi-identitovigilance", level: "operationnelles", observedOn: "2026-11-09", evidence: "Homonymie repérée." });
    expect((await certificationOf(learnerId)).blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBe("operationnelles");
    await correctValidation(learnerId, second, tutorId, { competencyId: "gi-identitovigilance", level: "generales", observedOn: "2026-11-09", evidence: "Niveau revu à la baisse." });
    expect((await certificationOf(learnerId)).blocks.find((b) => b.blockId === BLOCK)!.validatedLevel).toBe("generales");
  });

  it("the /certification page shows each block's levels to the learner", async () => {
    const { data } = await run(() => (certification.loader as Fn)({ request: request("/certification", { cookie }), params: {}, context: {} }));
    const page = data as Awaited<ReturnType<typeof certification.loader>>;
    expect(page.blocks).toHaveLength(3);
    expect(page.blocks.find((b) => b.id === BLOCK)!.ladder.map((l) => l.validated)).toEqual([true, false, false]);
    const anonymous = await run(() => (certification.loader as Fn)({ request: request("/certification"), params: {}, context: {} }));
    expect(anonymous.response?.status).toBe(302);
  });
});

describe("certificates", async () => {
  const crypto = await import("node:crypto");
  const { certificates } = await import("../../db/schema");
  const { issueCertificates, listCertificates } = await import("~/models/certificates.server");
  const publicPage = await import("~/routes/certificats.$code");
  const pdfRoute = await import("~/routes/certificats.$code_.pdf");
  const jwtRoute = await import("~/routes/certificats.$code_.openbadge[.]jwt");
  const jsonRoute = await import("~/routes/certificats.$code_.openbadge[.]json");
  const jwks = await import("~/routes/[.well-known].jwks[.]json");
  let code: string;
  // The client's address as scripts/server.js hands it to loaders (from the socket, not from headers).
  const ip = (n: number) => `10.0.0.${n}`;
  const get = (fn: Fn, path: string, params: Record<string, string>, address = ip(1), cookie?: string) =>
    run(() => fn({ request: request(path, { cookie }), params, context: { clientAddress: address } }));

  it("are issued exactly once, even when several requests trigger the issuance together", async () => {
    // The /certification page above already issued it: start again from none.
    await getDb().delete(certificates).where(eq(certificates.userId, learnerId));
    const counts = await Promise.all([1, 2, 3, 4, 5].map(() => issueCertificates(learnerId)));
    const rows = await getDb().select().from(certificates).where(eq(certificates.userId, learnerId));
    expect(rows.map((r) => `${r.kind}:${r.blockId}:${r.level}`).sort()).toEqual([`bloc:${BLOCK}:generales`]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await issueCertificates(learnerId)).toBe(0);
    code = rows[0]!.code;
    expect(code).toMatch(/^[a-z2-7]{32}$/);
    expect(rows[0]!.validUntil).toBe(`${Number(rows[0]!.issuedAt.slice(0, 4)) + 3}${rows[0]!.issuedAt.slice(4)}`); // identitovigilance: 3 years
    expect((await listCertificates(learnerId)).length).toBe(1);
  });

  it("can be verified by anyone, showing nothing more than what was certified", async () => {
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code });
    const page = data as { view: Record<string, unknown>; isAdmin: boolean };
    expect(page.view.status).toBe("valide");
    expect(page.view.holderName).toBe("Nadia Benali");
    expect(Object.keys(page.view).sort()).toEqual(["code", "history", "holderErased", "holderName", "issuedAt", "level", "renewedAt", "renewedBy", "revokedAt", "revokedReason", "status", "statusLabel", "title", "validUntil"]);
    expect(page.view.history).toEqual([]); // a first certificate has no chain to show
    for (const bad of ["inconnu", "a".repeat(32), `${code.slice(0, 31)}'`]) {
      const res = await get(publicPage.loader as Fn, `/certificats/${bad}`, { code: bad });
      expect(res.response?.status).toBe(404);
    }
  });

  it("cannot be enumerated: too many lookups from one address are refused for a while", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await get(publicPage.loader as Fn, `/certificats/x${i}`, { code: `x${i}` }, ip(99))).response?.status ?? 200);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect((await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(98))).data).toBeTruthy(); // other addresses are unaffected
  });

  it("comes as a one-page PDF and as an Open Badges 3.0 credential signed by the platform's key", async () => {
    const pdf = (await get(pdfRoute.loader as Fn, `/certificats/${code}/pdf`, { code }, ip(2))).response!;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);

    const json = JSON.parse(await (await get(jsonRoute.loader as Fn, `/certificats/${code}/openbadge.json`, { code }, ip(2))).response!.text());
    expect(json.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(json.credentialSubject.achievement.type).toEqual(["Achievement"]);

    const jwt = await (await get(jwtRoute.loader as Fn, `/certificats/${code}/openbadge.jwt`, { code }, ip(2))).response!.text();
    const { keys } = JSON.parse(await ((await (jwks.loader as () => Promise<Response>)()) as Response).text());
    const [header, payload, signature] = jwt.split(".");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toMatchObject({ alg: "EdDSA", typ: "vc+jwt", kid: keys[0].kid });
    const key = crypto.createPublicKey({ key: keys[0], format: "jwk" });
    expect(crypto.verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature!, "base64url"))).toBe(true);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), name: "Autre titre" })).toString("base64url");
    expect(crypto.verify(null, Buffer.from(`${header}.${forged}`), key, Buffer.from(signature!, "base64url"))).toBe(false);
  });

  it("an admin revokes it with a reason; the verification page then says so; nobody else can", async () => {
    const learner = await run(() => (publicPage.action as Fn)({ request: request(`/certificats/${code}`, { cookie, form: { reason: "Erreur de saisie" } }), params: { code }, context: {} }));
    expect(learner.response?.status).toBe(403);
    const admin = await signIn("admin@pivot.demo");
    const noReason = await run(() => (publicPage.action as Fn)({ request: request(`/certificats/${code}`, { cookie: admin, form: { reason: "" } }), params: { code }, context: {} }));
    expect((noReason.data as { init?: { status?: number } }).init?.status).toBe(400);
    await run(() => (publicPage.action as Fn)({ request: request(`/certificats/${code}`, { cookie: admin, form: { reason: "Observation saisie par erreur." } }), params: { code }, context: {} }));
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(3));
    expect((data as { view: { status: string; revokedReason: string } }).view).toMatchObject({ status: "revoque", revokedReason: "Observation saisie par erreur." });
  });

  it("an expired certificate says so", async () => {
    await getDb().update(certificates).set({ validUntil: "2020-01-01", revokedAt: null }).where(eq(certificates.code, code));
    const { data } = await get(publicPage.loader as Fn, `/certificats/${code}`, { code }, ip(4));
    expect((data as { view: { status: string } }).view.status).toBe("expire");
  });
});

describe("specialty complements", async () => {
  const mentee = await import("~/routes/tutorat.$mentee");
  const { listCertificates } = await import("~/models/certificates.server");

  it("a tutor attests a complement once, as a separate certificate; a learner cannot", async () => {
    const recrueId = (await getDb().query.users.findFirst({ where: eq(users.email, "nouvelle.recrue@pivot.demo") }))!.id;
    const tutor = await signIn("tuteur@pivot.demo");
    const form = { intent: "attestation", complementId: "sp-specialite", level: "operationnelles", note: "Entretien avec le cardiologue et trois semaines d'observation." };
    const call = (c: string) => run(() => (mentee.action as Fn)({ request: request(`/tutorat/${recrueId}`, { cookie: c, form }), params: { mentee: recrueId }, context: {} }));
    expect((await call(cookie)).response?.status).toBe(403); // another learner
    const first = await call(tutor);
    expect((first.data as { ok: boolean }).ok).toBe(true);
    const again = await call(tutor);
    expect((again.data as { init?: { status?: number } }).init?.status).toBe(409);
    const list = await listCertificates(recrueId);
    expect(list.filter((c) => c.kind === "complement").map((c) => c.title)).toEqual([expect.stringMatching(/^Attestation — .+ \(connaissances opérationnelles\)$/)]);
  });
});
