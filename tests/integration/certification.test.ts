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
