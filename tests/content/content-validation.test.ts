import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContent } from "~/content/build.server";
import { moduleFrontmatterSchema, quizSchema } from "~/content/module-schema";
import { ROOT } from "../helpers/paths";

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "pivot-unit-"));
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe("content validation", () => {
  it("accepts the valid fixture and compiles it, with French typography applied", async () => {
    const { manifest, problems } = await buildContent({ root: path.join(ROOT, "tests/fixtures/valid"), cacheDir });
    expect(problems).toEqual([]);
    expect(manifest.modules.map((m) => m.frontmatter.id)).toEqual(
      ["competences-transversales", "ecosysteme-soins", "gestion-information"].map(
        (b) => manifest.modules.find((m) => m.frontmatter.block === b)!.frontmatter.id,
      ),
    );
    const mod = manifest.modules.find((m) => m.frontmatter.id === "exemple")!;
    expect(mod.frontmatter.title).toBe("Module d'exemple\u00a0: tester la chaîne");
    expect(mod.frontmatter.changelog[0]!.date).toBe("2026-11-22");
    expect(mod.code).toContain("guillemets");
    expect(mod.code).toContain("Un paragraphe\\xA0: avec \\xAB\\xA0guillemets");
    expect(mod.code).toContain("e.table"); // GFM tables are compiled, not left as text
    expect(mod.quiz?.questions).toHaveLength(12);
    expect(new Set(mod.quiz?.questions.map((q) => q.type))).toEqual(new Set(["matching", "multiple", "numeric", "ordering", "single", "text", "truefalse"]));
  });

  it("reports every broken file as `file: problem` lines without stopping", async () => {
    const { manifest, problems } = await buildContent({ root: path.join(ROOT, "tests/fixtures/broken"), cacheDir });
    const lines = problems.map((p) => `${p.file}: ${p.problem}`);
    const expectLine = (re: RegExp) =>
      expect(
        lines.some((l) => re.test(l)),
        `${re} in\n${lines.join("\n")}`,
      ).toBe(true);
    expectLine(/sans-frontmatter\.mdx: frontmatter absent/);
    expectLine(/champs-invalides\.mdx: title : ne doit pas être vide/);
    expectLine(/champs-invalides\.mdx: block : doit être l'un de/);
    expectLine(/champs-invalides\.mdx: level : doit être l'un de/);
    expectLine(/champs-invalides\.mdx: version : doit être une version/);
    expectLine(/champs-invalides\.mdx: objectives : au moins un objectif/);
    expectLine(/mauvais-id\.mdx: id « autre-nom » différent du nom du fichier/);
    expectLine(/mauvais-id\.mdx: block « ecosysteme-soins » différent du dossier/);
    expectLine(/mauvais-id\.mdx: composant inconnu <Composant>/);
    expectLine(/mauvais-id\.mdx: titre de niveau 1/);
    expectLine(/mauvais-id\.mdx: prérequis « module-fantome »/);
    expectLine(/mauvais-id\.quiz\.yaml: question q1 : aucune option n'est marquée correcte/);
    expectLine(/mauvais-id\.quiz\.yaml: question q1\.explanation : champ obligatoire manquant/);
    expectLine(/mauvais-id\.quiz\.yaml: question q3\.type : type de question inconnu/);
    expectLine(/mdx-casse\.mdx: MDX invalide .*closing tag for `<Encadre>`/);
    expectLine(/sans-quiz\.quiz\.yaml: quiz absent/);
    expectLine(/quiz-orphelin\.quiz\.yaml: quiz sans module/);
    expect(manifest.modules.map((m) => m.frontmatter.id)).toEqual(["autre-nom", "sans-quiz"]);
  });
});

const validQuestion = {
  id: "q1",
  type: "single",
  competency: "gi-rgpd",
  prompt: "Question ?",
  explanation: "Parce que.",
  options: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B" },
  ],
};

describe("quiz schema", () => {
  it.each([
    [
      "a single-choice question with two right options",
      {
        ...validQuestion,
        options: [
          { id: "a", text: "A", correct: true },
          { id: "b", text: "B", correct: true },
        ],
      },
      /plusieurs bonnes réponses/,
    ],
    [
      "duplicate option ids",
      {
        ...validQuestion,
        options: [
          { id: "a", text: "A", correct: true },
          { id: "a", text: "B" },
        ],
      },
      /même identifiant/,
    ],
    [
      "a true/false question without an answer",
      { id: "q1", type: "truefalse", competency: "gi-rgpd", prompt: "P", explanation: "E" },
      /answer doit valoir true ou false/,
    ],
    [
      "a matching question with two identical right items",
      {
        id: "q1",
        type: "matching",
        competency: "gi-rgpd",
        prompt: "P",
        explanation: "E",
        pairs: [
          { id: "a", left: "1", right: "X" },
          { id: "b", left: "2", right: "X" },
          { id: "c", left: "3", right: "Y" },
        ],
      },
      /même élément de droite/,
    ],
    [
      "an ordering question with two items",
      {
        id: "q1",
        type: "ordering",
        competency: "gi-rgpd",
        prompt: "P",
        explanation: "E",
        items: [
          { id: "a", text: "1" },
          { id: "b", text: "2" },
        ],
      },
      /.+/,
    ],
    [
      "a text question with no accepted answer",
      { id: "q1", type: "text", competency: "gi-rgpd", prompt: "P", explanation: "E", accepted: [] },
      /au moins une réponse acceptée/,
    ],
    ["an unknown field", { ...validQuestion, bonus: true }, /.+/],
  ])("rejects %s", (_label, question, message) => {
    const result = quizSchema.safeParse({ drawCount: 1, questions: [question] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" | ")).toMatch(message);
  });

  it("rejects a draw larger than the bank and duplicate question ids", () => {
    expect(quizSchema.safeParse({ drawCount: 2, questions: [validQuestion] }).error?.issues[0]?.message).toMatch(/drawCount dépasse/);
    expect(quizSchema.safeParse({ drawCount: 1, questions: [validQuestion, validQuestion] }).error?.issues[0]?.message).toMatch(/deux questions/);
  });

  it("defaults the pass mark to 80 %", () => {
    expect(quizSchema.parse({ drawCount: 1, questions: [validQuestion] }).passMark).toBe(80);
  });
});

describe("module frontmatter schema", () => {
  const valid = {
    id: "rgpd",
    title: "RGPD",
    block: "gestion-information",
    order: 1,
    level: "generales",
    version: "1.2.0",
    summary: "Résumé",
    objectives: ["Objectif"],
    competencies: ["gi-rgpd"],
    changelog: [{ version: "1.2.0", date: new Date("2026-11-22"), changes: "Mise à jour" }],
  };
  it("accepts a valid frontmatter and turns YAML dates into ISO dates", () => {
    const parsed = moduleFrontmatterSchema.parse(valid);
    expect(parsed.changelog[0]!.date).toBe("2026-11-22");
    expect(parsed.prerequisites).toEqual([]);
  });
  it("rejects an id with capitals or spaces, and an empty competency list", () => {
    expect(moduleFrontmatterSchema.safeParse({ ...valid, id: "Mon Module" }).success).toBe(false);
    expect(moduleFrontmatterSchema.safeParse({ ...valid, competencies: [] }).success).toBe(false);
  });
});
