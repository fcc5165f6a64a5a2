import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { buildContent } from "~/content/build.server";
import { referentialSchema } from "~/content/referential";
import { copyValidFixture, problemLines, VALID_FIXTURE } from "../helpers/content-fixture";
import { tempDirs } from "../helpers/tmp";

const tmp = tempDirs();
/** A copy of the valid fixture that a test may break. */
const copyOfValid = () => copyValidFixture(tmp("pivot-ref-"));
const cacheDir = tmp("pivot-ref-cache-");

describe("referential", () => {
  it("the valid fixture's referential is accepted and shipped in the manifest", async () => {
    const { manifest, problems } = await buildContent({ root: VALID_FIXTURE, cacheDir });
    expect(problems).toEqual([]);
    expect(manifest.referential?.blocks.map((b) => b.competencies.length)).toEqual([1, 1, 1]);
  });

  it("rejects unknown activities, duplicate competencies and tutor levels without a number of observations", () => {
    const ref = parse(fs.readFileSync(path.join(VALID_FIXTURE, "content/referentiel.yaml"), "utf8"));
    ref.blocks[0].competencies[0].activities = ["a99"];
    ref.blocks[1].competencies[0].id = "gi-identitovigilance";
    delete ref.blocks[2].competencies[0].levels.operationnelles.observations;
    ref.blocks[2].competencies[0].levels.generales.observations = 2;
    const messages = referentialSchema.safeParse(ref).error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "activité « a99 » inconnue",
        "compétence « gi-identitovigilance » en double",
        "nombre d'observations requis quand l'évaluation passe par le tuteur",
        "observations sans objet pour une évaluation par quiz",
      ]),
    );
  });

  it("requires exactly the three blocks", () => {
    const ref = parse(fs.readFileSync(path.join(VALID_FIXTURE, "content/referentiel.yaml"), "utf8"));
    ref.blocks.pop();
    expect(referentialSchema.safeParse(ref).error!.issues[0]!.message).toBe("exactement trois blocs");
  });
});

describe("content:check coverage rules", () => {
  it("fails when the referential is missing", async () => {
    const dir = copyOfValid();
    fs.rmSync(path.join(dir, "content/referentiel.yaml"));
    expect((await problemLines(dir, cacheDir))).toEqual([expect.stringMatching(/referentiel\.yaml: référentiel absent/)]);
  });

  it("fails when a competency is served by no module or assessed by no question, a module serves an unknown competency, or a bank is too small", async () => {
    const dir = copyOfValid();
    // The block 3 module now serves an unknown competency instead of ct-ecoute, with its questions.
    const modulePath = path.join(dir, "content/modules/competences-transversales/exemple-trois.mdx");
    fs.writeFileSync(modulePath, fs.readFileSync(modulePath, "utf8").replace("competencies: [ct-ecoute]", "competencies: [ct-inconnue]"));
    const quizPath = path.join(dir, "content/modules/competences-transversales/exemple-trois.quiz.yaml");
    fs.writeFileSync(quizPath, fs.readFileSync(quizPath, "utf8").replaceAll("competency: ct-ecoute", "competency: ct-inconnue"));
    // The block 2 bank shrinks to 11 questions.
    const quiz2 = path.join(dir, "content/modules/ecosysteme-soins/exemple-deux.quiz.yaml");
    const bank = parse(fs.readFileSync(quiz2, "utf8"));
    bank.questions = bank.questions.slice(0, 11);
    fs.writeFileSync(quiz2, stringify(bank));

    const found = (await problemLines(dir, cacheDir));
    expect(found).toEqual(
      expect.arrayContaining([
        "content/modules/competences-transversales/exemple-trois.mdx: compétence « ct-inconnue » absente du référentiel",
        "content/referentiel.yaml: compétence « ct-ecoute » servie par aucun module",
        "content/referentiel.yaml: compétence « ct-ecoute » évaluée par aucune question",
        "content/modules/ecosysteme-soins/exemple-deux.quiz.yaml: 11 questions : la banque doit en compter au moins 12",
      ]),
    );
  });

  it("links each question to the section that teaches it, refuses a named section the module lacks and a question id used by two modules", async () => {
    const valid = await buildContent({ root: copyOfValid(), cacheDir });
    for (const m of valid.manifest.modules) {
      expect(m.sections!.length).toBeGreaterThan(0);
      expect(Object.keys(m.questionSections!).sort()).toEqual(m.quiz!.questions.map((q) => q.id).sort());
    }

    const dir = copyOfValid();
    const quiz3 = path.join(dir, "content/modules/competences-transversales/exemple-trois.quiz.yaml");
    const bank = parse(fs.readFileSync(quiz3, "utf8"));
    bank.questions[0].section = "Une section qui n'existe pas";
    bank.questions[1].id = "s1"; // already a question of the block 1 module
    fs.writeFileSync(quiz3, stringify(bank));
    expect((await problemLines(dir, cacheDir))).toEqual(
      expect.arrayContaining([
        "content/modules/competences-transversales/exemple-trois.quiz.yaml: question c1 : section « Une section qui n'existe pas » absente du module (titres ## du fichier .mdx)",
        "content/modules/gestion-information/exemple.quiz.yaml: question s1 : identifiant déjà utilisé dans le module exemple-trois",
      ]),
    );
  });
});
