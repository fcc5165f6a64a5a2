import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "~/content/build.server";
import { ficheSectionProblems, FICHE_SECTIONS, glossarySchema, termIdsIn } from "~/content/glossary";
import { copyValidFixture, editFile, problemLines, VALID_FIXTURE } from "../helpers/content-fixture";
import { ROOT } from "../helpers/paths";
import { tempDirs } from "../helpers/tmp";

const tmp = tempDirs();
const cacheDir = tmp("pivot-gl-cache-");

describe("glossary schema", () => {
  const entry = { id: "ecg", term: "ECG", expansion: "Électrocardiogramme", category: "abreviation", definition: "Enregistrement du cœur." };
  it("accepts a valid glossary and defaults lists", () => {
    const g = glossarySchema.parse({ entries: [entry] });
    expect(g.entries[0]).toMatchObject({ specialties: [], aliases: [] });
  });
  it("rejects duplicate ids and duplicate terms (case-insensitive)", () => {
    const messages = glossarySchema
      .safeParse({ entries: [entry, { ...entry, term: "Autre" }, { ...entry, id: "ecg-2", term: "ecg" }] })
      .error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["identifiant « ecg » en double", "terme « ecg » en double"]));
  });
  it("requires the expansion of an acronym, a known category and a non-empty definition", () => {
    const messages = glossarySchema
      .safeParse({
        entries: [
          { ...entry, expansion: undefined },
          { ...entry, id: "x", term: "X", category: "magie", definition: " " },
        ],
      })
      .error!.issues.map((i) => i.message);
    expect(messages.some((m) => /forme développée/.test(m))).toBe(true);
    expect(messages.some((m) => /catégorie inconnue/.test(m))).toBe(true);
    expect(messages).toContain("ne doit pas être vide");
  });
});

describe("fiche template", () => {
  const body = FICHE_SECTIONS.map((s) => `## ${s}\n\nTexte.\n`).join("\n");
  it("accepts the sections in order", () => {
    expect(ficheSectionProblems(body)).toEqual([]);
  });
  it("reports missing, extra and out-of-order sections", () => {
    const swapped = body
      .replace("## La spécialité en bref", "## TEMP")
      .replace("## Examens et plateau technique", "## La spécialité en bref")
      .replace("## TEMP", "## Examens et plateau technique");
    expect(ficheSectionProblems(swapped)).toEqual([expect.stringMatching(/dans le désordre/)]);
    expect(ficheSectionProblems(body.replace("## Pièges à éviter", "## Divers"))).toEqual([
      "section « Pièges à éviter » absente",
      "section « Divers » hors modèle",
    ]);
  });
  it("finds glossary links", () => {
    expect(termIdsIn('Un <Terme id="ecg">ECG</Terme> et un <Terme id=\'holter\'>Holter</Terme>, encore <Terme id="ecg">ECG</Terme>.')).toEqual([
      "ecg",
      "holter",
    ]);
  });
});

describe("content:check on glossary and fiches", () => {
  it("the valid fixture compiles its fiche and resolves its glossary links", async () => {
    const { manifest, problems } = await buildContent({ root: VALID_FIXTURE, cacheDir });
    expect(problems).toEqual([]);
    expect(manifest.fiches.map((f) => f.frontmatter.id)).toEqual(["cardiologie"]);
    expect(manifest.fiches[0]!.terms).toEqual(["ecg"]);
    expect(manifest.glossary.length).toBeGreaterThanOrEqual(16);
  });

  it("reports broken glossary entries and fiches as `file: problem` lines", async () => {
    const found = await problemLines(path.join(ROOT, "tests/fixtures/broken"), cacheDir);
    expect(found).toEqual(
      expect.arrayContaining([
        "content/glossaire.yaml: entrée irm.definition : ne doit pas être vide",
        "content/glossaire.yaml: entrée irm.specialties.0 : spécialité inconnue",
        "content/fiches/cardiologie.mdx: section « Protocole de réponse » absente",
        "content/fiches/cardiologie.mdx: section « Ma section à moi » hors modèle",
        "content/fiches/cardiologie.mdx: composant inconnu <Situation> (disponibles : Encadre, Terme, Alerte, Conduite)",
        "content/fiches/inconnue.mdx: id : la fiche doit porter l'identifiant d'une spécialité connue",
      ]),
    );
  });

  it("reports glossary links and fiche vocabulary that point nowhere", async () => {
    const dir = copyValidFixture(tmp("pivot-gl-"));
    editFile(dir, "content/modules/gestion-information/exemple.mdx", (text) => text.replace('<Terme id="ins">', '<Terme id="fantome">'));
    editFile(dir, "content/fiches/cardiologie.mdx", (text) => text.replace("vocabulary: [ecg,", "vocabulary: [inexistant,"));
    const found = await problemLines(dir, cacheDir);
    expect(found).toEqual([
      'content/modules/gestion-information/exemple.mdx: terme <Terme id="fantome"> absent du glossaire',
      "content/fiches/cardiologie.mdx: vocabulaire : « inexistant » absent du glossaire",
    ]);
  });
});
