// Established staff through the real stack: a positioning test marks modules « acquis » and draws a
// personal plan; a module's major update asks for a short update quiz; an ageing certificate is renewed
// by a refresher quiz and keeps its history.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, moduleProgress, positioningResults, users } from "../../db/schema";
import { getModule, getPositioningTest, getRenewalQuiz, getUpdateQuiz } from "~/content/modules.server";
import { validUntilFrom } from "~/domain/certification";

import { renewCertificates } from "~/models/certificate-registry.server";
import { listUpdates } from "~/models/updates.server";
import * as positioning from "~/routes/blocs.$bloc_.positionnement";
import * as update from "~/routes/modules.$slug_.mise-a-jour";
import * as renewal from "~/routes/certification_.renouvellement.$perimetre";
import * as certification from "~/routes/certification";
import * as dashboard from "~/routes/_index";
import * as publicPage from "~/routes/certificats.$code";
import * as mentee from "~/routes/tutorat.$personne";
import { getDb } from "~/utils/db.server";
import type { CompiledModule } from "~/content/build.server";
import type { PublicQuestion } from "~/domain/quiz";
import { answersFor } from "../helpers/right-answers";
import { request, run, signIn, unwrap } from "../helpers/requests";
import { parisDay } from "~/utils/dates";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Route = { loader: unknown; action?: unknown };
let cookie: string;
let otherCookie: string;
let userId: string;

beforeAll(async () => {
  cookie = await signIn("secretaire.confirmee@pivot.demo");
  otherCookie = await signIn("tuteur@pivot.demo");
  userId = (await getDb().query.users.findFirst({ where: eq(users.email, "secretaire.confirmee@pivot.demo") }))!.id;
});

async function load<T = Record<string, unknown>>(route: Route, path: string, params: Record<string, string>, as = cookie) {
  const { data, response } = await run(() => (route.loader as Fn)({ request: request(path, { cookie: as }), params, context: {} }));
  if (!data) throw Object.assign(new Error(`loader: ${response?.status}`), { status: response?.status });
  return data as T;
}

const post = (route: Route, path: string, params: Record<string, string>, form: Record<string, string | string[]>) =>
  run(() => (route.action as Fn)({ request: request(path, { cookie, form }), params, context: {} }));

/** Starts the quiz of a page, answers every drawn question (wrongly for `wrong`), and returns the page after. */
async function take(route: Route, path: string, params: Record<string, string>, quiz: () => CompiledModule, wrong: (ids: string[]) => string[] = () => []) {
  expect((await post(route, path, params, { intent: "commencer" })).response?.status).toBe(302);
  const open = (await load<{ openAttempt: { id: string; questions: PublicQuestion[] } }>(route, path, params)).openAttempt;
  expect(JSON.stringify(open)).not.toMatch(/"correct"\s*:\s*true|explanation|accepted/); // no answer before submission
  const form = { intent: "envoyer", attemptId: open.id, ...answersFor(quiz().quiz!.questions, open.questions, wrong(open.questions.map((q) => q.id))) };
  const sent = await post(route, path, params, form);
  expect(sent.response?.headers.get("Location")).toBe(`${path}?tentative=${open.id}#resultat`);
  return { attemptId: open.id, questions: open.questions, page: await load<Record<string, unknown>>(route, `${path}?tentative=${open.id}`, params) };
}

type Plan = { blockId: string; competencies: { competencyId: string; outcome: string }[]; plan: { id: string; action: string }[] } | null;

describe("a positioning test", () => {
  const BLOCK = "gestion-information";
  const path = `/blocs/${BLOCK}/positionnement`;
  const params = { bloc: BLOCK };

  it("draws the same number of questions for each competency of the block", async () => {
    const test = getPositioningTest(BLOCK)!;
    expect(test.quiz!.drawPerCompetency).toBe(2);
    const { questions } = await take(
      positioning,
      path,
      params,
      () => test,
      (ids) => ids,
    ); // all wrong
    expect(questions).toHaveLength(2);
    const page = await load<{ positioning: Plan }>(positioning, path, params);
    expect(page.positioning!.competencies).toEqual([expect.objectContaining({ competencyId: "gi-identitovigilance", outcome: "a_acquerir" })]);
    expect(page.positioning!.plan).toEqual([expect.objectContaining({ id: "exemple", action: "a_suivre" })]);
    const row = await getDb().query.moduleProgress.findFirst({ where: and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, "exemple")) });
    expect(row).toBeUndefined(); // a positioning test is not the module
  });

  it("half right: the competency is to consolidate and the module to refresh, not acquired", async () => {
    await take(
      positioning,
      path,
      params,
      () => getPositioningTest(BLOCK)!,
      (ids) => ids.slice(0, 1),
    );
    const page = await load<{ positioning: Plan }>(positioning, path, params);
    expect(page.positioning!.competencies[0]!.outcome).toBe("a_consolider");
    expect(page.positioning!.plan[0]!.action).toBe("a_rafraichir");
  });

  it("all right: the competency is validated by test and its modules are « acquis » everywhere", async () => {
    const { attemptId } = await take(positioning, path, params, () => getPositioningTest(BLOCK)!);
    const rows = await getDb().select().from(positioningResults).where(eq(positioningResults.attemptId, attemptId));
    expect(rows.map((r) => [r.userId, r.competencyId, r.correct, r.total, r.outcome])).toEqual([[userId, "gi-identitovigilance", 2, 2, "maitrisee"]]);
    const progress = await getDb().query.moduleProgress.findFirst({ where: and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, "exemple")) });
    expect(progress?.status).toBe("acquis");
    const home = await load<{ blocks: { modules: { id: string; state: string; stateLabel: string }[] }[]; summary: { done: number } }>(dashboard, "/", {});
    const card = home.blocks.flatMap((b) => b.modules).find((m) => m.id === "exemple")!;
    expect([card.state, card.stateLabel]).toEqual(["acquis", "Acquis (test de positionnement)"]);
    expect(home.summary.done).toBe(1);
    const cert = await load<{ blocks: { id: string; target: { competencies: { competencyId: string; byTest: { correct: number } | null }[] } | null }[] }>(
      certification,
      "/certification",
      {},
    );
    const competency = cert.blocks.find((b) => b.id === BLOCK)!.target!.competencies.find((c) => c.competencyId === "gi-identitovigilance")!;
    expect(competency.byTest?.correct).toBe(2);
    // Her cadre sees it in her follow-up page.
    const followUp = await load<{ byTest: Record<string, { validated: number; total: number }> }>(
      mentee,
      `/tutorat/${userId}`,
      { personne: userId },
      await signIn("cadre@pivot.demo"),
    );
    expect(followUp.byTest[BLOCK]).toEqual({ validated: 1, total: 1 });
  });

  it("shows a result only to its owner, and refuses an unknown block", async () => {
    const [mine] = await getDb().select().from(positioningResults).where(eq(positioningResults.userId, userId)).limit(1);
    await expect(load(positioning, `${path}?tentative=${mine!.attemptId}`, params, otherCookie)).rejects.toMatchObject({ status: 404 });
    const other = await load<{ positioning: Plan }>(positioning, path, params, otherCookie);
    expect(other.positioning).toBeNull();
    await expect(load(positioning, "/blocs/inconnu/positionnement", { bloc: "inconnu" })).rejects.toMatchObject({ status: 404 });
  });

  it("an answer to a question outside the draw is refused without a trace", async () => {
    expect((await post(positioning, path, params, { intent: "commencer" })).response?.status).toBe(302);
    const open = (await load<{ openAttempt: { id: string } }>(positioning, path, params)).openAttempt;
    const before = await getDb().select().from(positioningResults).where(eq(positioningResults.userId, userId));
    const refused = await post(positioning, path, params, { intent: "envoyer", attemptId: open.id, q__inconnue: "vrai" });
    expect(unwrap(refused.data).status).toBe(400);
    expect(await getDb().select().from(positioningResults).where(eq(positioningResults.userId, userId))).toHaveLength(before.length);
  });
});

describe("a module's major update", () => {
  const MODULE = "exemple-deux"; // 2.0.0, whose changelog ties q11 and q12 to the change
  const path = `/modules/${MODULE}/mise-a-jour`;
  const params = { slug: MODULE };

  beforeAll(async () => {
    await getDb().insert(moduleProgress).values({
      userId,
      moduleId: MODULE,
      moduleVersion: "1.0.0",
      status: "termine",
      bestScore: 90,
      attemptsCount: 1,
      completedAt: "2025-06-01T10:00:00Z",
      updatedAt: "2025-06-01T10:00:00Z",
    });
  });

  it("flags the module and its competencies « à actualiser »", async () => {
    expect((await listUpdates({ userId })).map((u) => u.id)).toContain(MODULE);
    const page = await load<{ update: { from: string; changes: { version: string }[] } | null }>(update, path, params);
    expect(page.update?.from).toBe("1.0.0");
    expect(page.update?.changes.map((c) => c.version)).toEqual(["2.0.0"]);
    const cert = await load<{ blocks: { id: string; target: { competencies: { competencyId: string; update: { id: string } | null }[] } | null }[] }>(
      certification,
      "/certification",
      {},
    );
    expect(cert.blocks.find((b) => b.id === "ecosysteme-soins")!.target!.competencies[0]!.update?.id).toBe(MODULE);
  });

  it("draws only the questions about the change; failing it keeps the flag", async () => {
    const { questions } = await take(
      update,
      path,
      params,
      () => getUpdateQuiz(MODULE, "1.0.0")!,
      (ids) => ids,
    );
    expect(questions.map((q) => q.id).sort()).toEqual(["q11", "q12"]);
    expect((await listUpdates({ userId })).map((u) => u.id)).toContain(MODULE);
  });

  it("passing it clears the flag and records the current version; there is nothing more to take", async () => {
    await take(update, path, params, () => getUpdateQuiz(MODULE, "1.0.0")!);
    expect((await listUpdates({ userId })).map((u) => u.id)).not.toContain(MODULE);
    const row = await getDb().query.moduleProgress.findFirst({ where: and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, MODULE)) });
    expect([row?.moduleVersion, row?.status]).toEqual([getModule(MODULE)!.frontmatter.version, "termine"]);
    const page = await load<{ update: unknown; result: unknown }>(update, path, params);
    expect(page.update).toBeNull();
    const again = await post(update, path, params, { intent: "commencer" });
    expect(unwrap(again.data).status).toBe(409);
  });
});

describe("renewing a certificate", () => {
  const BLOCK = "gestion-information";
  const path = `/certification/renouvellement/${BLOCK}`;
  const params = { perimetre: BLOCK };
  let firstId: string;
  let firstCode: string;
  const validUntil = new Date(Date.parse(`${parisDay()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10); // « à actualiser »

  beforeAll(async () => {
    firstId = crypto.randomUUID();
    firstCode = "a".repeat(31) + "b";
    await getDb().insert(certificates).values({
      id: firstId,
      userId,
      kind: "bloc",
      blockId: BLOCK,
      level: "generales",
      code: firstCode,
      holderName: "Nadia Benali",
      title: "Bloc 1 — Gestion de l'information (connaissances générales)",
      issuedAt: "2023-12-01",
      validUntil,
      evidence: {},
    });
  });

  it("covers the ageing competencies of the block", async () => {
    const quiz = getRenewalQuiz(BLOCK)!;
    expect(quiz.frontmatter.competencies).toEqual(["gi-identitovigilance"]);
    const page = await load<{ toRenew: { code: string }[] }>(renewal, path, params);
    expect(page.toRenew.map((c) => c.code)).toEqual([firstCode]);
  });

  it("a failed quiz renews nothing", async () => {
    await take(
      renewal,
      path,
      params,
      () => getRenewalQuiz(BLOCK)!,
      (ids) => ids,
    );
    expect(await getDb().select().from(certificates).where(eq(certificates.userId, userId))).toHaveLength(1);
  });

  it("a passed quiz renews it once, from the previous end of validity, keeping the previous one in the history", async () => {
    await take(renewal, path, params, () => getRenewalQuiz(BLOCK)!);
    const all = await getDb().select().from(certificates).where(eq(certificates.userId, userId)).orderBy(certificates.cycle);
    expect(all.map((c) => c.cycle)).toEqual([0, 1]);
    const [previous, renewed] = all as [(typeof all)[0], (typeof all)[0]];
    expect(previous.renewedAt).not.toBeNull();
    expect(renewed.renewsId).toBe(firstId);
    expect(renewed.validUntil).toBe(validUntilFrom(validUntil, 3)); // the competency lasts 3 years
    expect(renewed.level).toBe("generales");

    const old = await load<{ view: { status: string; renewedBy: { code: string } | null; history: { code: string }[] } }>(
      publicPage,
      `/certificats/${firstCode}`,
      { code: firstCode },
    );
    expect(old.view.status).toBe("renouvele");
    expect(old.view.renewedBy?.code).toBe(renewed.code);
    const current = await load<{ view: { status: string; history: { code: string; current: boolean }[] } }>(publicPage, `/certificats/${renewed.code}`, {
      code: renewed.code,
    });
    expect(current.view.status).toBe("valide");
    expect(current.view.history.map((h) => [h.code, h.current])).toEqual([
      [firstCode, false],
      [renewed.code, true],
    ]);
  });

  it("nothing is left to renew: the page says so and the action refuses", async () => {
    const page = await load<{ toRenew: unknown[] }>(renewal, path, params);
    expect(page.toRenew).toEqual([]);
    expect(unwrap((await post(renewal, path, params, { intent: "commencer" })).data).status).toBe(409);
  });

  it("two renewals at the same moment make one certificate", async () => {
    const id = crypto.randomUUID();
    await getDb()
      .insert(certificates)
      .values({
        id,
        userId,
        kind: "parcours",
        blockId: "",
        level: "generales",
        code: "c".repeat(32),
        holderName: "Nadia Benali",
        title: "Parcours",
        issuedAt: "2023-12-01",
        validUntil,
        evidence: {},
      });
    const codes = await Promise.all([
      renewCertificates({ userId, scope: "parcours", proof: { attemptId: "x", score: 100 } }),
      renewCertificates({ userId, scope: "parcours", proof: { attemptId: "y", score: 100 } }),
    ]);
    expect(codes.flat()).toHaveLength(1);
    expect(
      await getDb()
        .select()
        .from(certificates)
        .where(and(eq(certificates.userId, userId), eq(certificates.kind, "parcours"))),
    ).toHaveLength(2);
  });
});
