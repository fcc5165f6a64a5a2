// Editorial rules of the catalogue: module length and structure, fiche length, catalogue size.
import { describe, expect, it } from "vitest";
import type { Manifest } from "~/content/build.server";
import { EDITORIAL, editorialProblems } from "~/content/editorial";
import { BLOCK_IDS } from "~/content/module-schema";

const GOOD_BODY = `Texte.\n\n<Situation title="Un">\n\nCas.\n</Situation>\n\n<Situation title="Deux">\n\nCas.\n</Situation>\n\n<Encadre type="retenir" title="À retenir">\n\n- point\n</Encadre>\n`;

function catalogue(
  overrides: {
    words?: number;
    body?: string;
    fiches?: number;
    ficheWords?: number;
    glossary?: number;
    perBlock?: number;
    certification?: false;
    situations?: number;
  } = {},
) {
  const bodies = new Map<string, string>();
  const modules = BLOCK_IDS.flatMap((block) =>
    Array.from({ length: overrides.perBlock ?? EDITORIAL.minModulesPerBlock }, (_, i) => {
      const file = `content/modules/${block}/m${i}.mdx`;
      bodies.set(file, overrides.body ?? GOOD_BODY);
      return { file, code: "", hash: "", terms: [], wordCount: overrides.words ?? 1500, frontmatter: { block, id: `${block}-${i}` }, quiz: null };
    }),
  );
  const fiches = Array.from({ length: overrides.fiches ?? EDITORIAL.minFiches }, (_, i) => ({
    file: `content/fiches/f${i}.mdx`,
    code: "",
    hash: "",
    terms: [],
    wordCount: overrides.ficheWords ?? 800,
    frontmatter: {},
  }));
  const glossary = Array.from({ length: overrides.glossary ?? EDITORIAL.minGlossaryEntries }, (_, i) => ({ id: `t${i}` }));
  const certification = overrides.certification === false ? null : { pathway: { id: "p", title: "P" } };
  const situations = BLOCK_IDS.flatMap((block) =>
    Array.from({ length: overrides.situations ?? EDITORIAL.minInteractiveSituationsPerBlock }, (_, i) => ({ id: `${block}-s${i}`, block })),
  );
  return { manifest: { version: 1, referential: null, glossary, modules, fiches, certification, situations } as unknown as Manifest, bodies };
}

describe("editorial rules", () => {
  it("accept a complete catalogue", () => {
    const { manifest, bodies } = catalogue();
    expect(editorialProblems(manifest, bodies)).toEqual([]);
  });

  it("the modules a newcomer needs before answering the phone are due in her first week", () => {
    const { manifest, bodies } = catalogue();
    const step = (module: string, dueDay: number) => ({ id: module, module, dueDay });
    manifest.integrationPath = {
      steps: [step("priorisation-information", 28), step("situations-difficiles", 6), step("identitovigilance", 4)],
    } as unknown as Manifest["integrationPath"];
    expect(editorialProblems(manifest, bodies).map((p) => p.problem)).toEqual([
      "module « priorisation-information » : à suivre dans la première semaine (avant de répondre seule au téléphone), échéance au jour 7 au plus tard",
    ]);
  });

  it.each([
    [{ words: 900 }, /900 mots : un module compte de 1200 à 3000 mots/],
    [{ words: 3400 }, /3400 mots/],
    [{ body: GOOD_BODY.replace(/<Situation title="Deux">[\s\S]*?<\/Situation>/, "") }, /1 cas <Situation> : il en faut au moins 2/],
    [{ body: GOOD_BODY.replace('type="retenir"', 'type="info"') }, /« À retenir » absent/],
    [{ ficheWords: 300 }, /une fiche réflexe compte de 600 à 950 mots/],
    [{ fiches: 13 }, /13 fiche\(s\) réflexe\(s\) : il en faut au moins 14/],
    [{ glossary: 299 }, /299 entrée\(s\)/],
    [{ perBlock: 5 }, /5 module\(s\) : un bloc en compte au moins 6/],
    [{ certification: false as const }, /règles du parcours certifiant absentes/],
    [{ situations: 1 }, /1 mise\(s\) en situation interactive\(s\) dans le bloc .* : il en faut au moins 2/],
  ])("report %o", (overrides, message) => {
    const { manifest, bodies } = catalogue(overrides);
    const problems = editorialProblems(manifest, bodies);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => message.test(p.problem))).toBe(true);
  });
});
