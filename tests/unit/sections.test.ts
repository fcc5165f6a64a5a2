// The sections of a module and the section that teaches each question (« Relire la section »).
import { describe, expect, it } from "vitest";
import { sectionsOf, teachingSection } from "~/content/sections";

const body = `
Intro before any heading.

## Les traits d'identité : ce que l'on enregistre
Nom de naissance, premier prénom de naissance, date de naissance, sexe, lieu de naissance.

\`\`\`
## not a heading inside code
\`\`\`

## Au téléphone, **redoubler** de prudence
Sans pièce d'identité, faites épeler le nom et rappelez au numéro du dossier.

## Les examens d'imagerie
Scanner, IRM, échographie : préparation et contre-indications.
`;

describe("sectionsOf", () => {
  it("splits the body at ## headings, outside code, with anchors that match the rendered headings", () => {
    const sections = sectionsOf(body);
    expect(sections.map((s) => s.title)).toEqual(["Les traits d'identité : ce que l'on enregistre", "Au téléphone, redoubler de prudence", "Les examens d'imagerie"]);
    expect(sections.map((s) => s.slug)).toEqual(["les-traits-d-identite-ce-que-l-on-enregistre", "au-telephone-redoubler-de-prudence", "les-examens-d-imagerie"]);
    expect(sections[0]!.text).toContain("lieu de naissance");
    expect(sections[1]!.text).toContain("épeler");
  });
});

describe("teachingSection", () => {
  const sections = sectionsOf(body);
  it.each([
    ["Cochez les traits stricts de l'identité : nom de naissance, date de naissance…", "les-traits-d-identite-ce-que-l-on-enregistre"],
    ["Un appel sans pièce d'identité : que faites-vous ? Faire épeler le nom.", "au-telephone-redoubler-de-prudence"],
    ["Quelles contre-indications vérifier avant une IRM ?", "les-examens-d-imagerie"],
    ["Quels EXAMENS demandent une préparation ?", "les-examens-d-imagerie"], // case, plural and accents folded
  ])("%s → %s", (question, slug) => {
    expect(teachingSection(question, sections)).toBe(slug);
  });
  it("gives the only section of a one-section module, nothing when no meaningful word is shared or the module has no sections", () => {
    expect(teachingSection("Bonjour à tous", sections.slice(2))).toBe("les-examens-d-imagerie");
    expect(teachingSection("Bonjour à tous", sections)).toBeNull();
    expect(teachingSection("Quelles contre-indications pour une IRM ?", [])).toBeNull();
  });
});
