// The rules that keep content safe and quizzes honest: one registry of red flags with a closed list of
// conducts, dates whose weekday is right, and quiz banks that cannot be passed by guessing.
import { describe, expect, it } from "vitest";
import { alertProblems, alertsFileSchema, type Alert } from "~/content/alerts";
import { bankStats, bankStatsProblems } from "~/content/bank-stats";
import { quizSchema, type Question } from "~/content/module-schema";
import { weekdayProblems } from "~/content/weekdays";
import { copyValidFixture, editFile, problemLines } from "../helpers/content-fixture";
import { tempDirs } from "../helpers/tmp";

const tmp = tempDirs();

const alert = (id: string, conduite: Alert["conduite"], signe = `Signe ${id}`): Alert => ({
  id,
  signe,
  motsEntendus: [],
  specialites: ["cardiologie"],
  conduite,
  source: "Essai.",
});
const REGISTRY = new Map([alert("douleur-thoracique", "appeler-15"), alert("oedemes", "avis-medical-heure")].map((a) => [a.id, a]));
const table = (...rows: string[]) =>
  `## Protocole de réponse\n\n| Demande | Questions | Conduite |\n|---|---|---|\n${rows.join("\n")}\n\n## Avant la consultation\n`;

describe("the registry of red flags", () => {
  it("accepts conducts of the closed list only, and one conduct per sign", () => {
    expect(alertsFileSchema.safeParse({ alertes: [alert("a", "appeler-15")] }).success).toBe(true);
    const outside = alertsFileSchema.safeParse({ alertes: [{ ...alert("a", "appeler-15"), conduite: "pediatre" }] });
    expect(outside.error!.issues[0]!.message).toMatch(/conduite hors de la liste fermée/);
    const twice = alertsFileSchema.safeParse({
      alertes: [alert("a", "appeler-15", "Fièvre du nourrisson"), alert("b", "transfert-medecin", "fièvre du nourrisson")],
    });
    expect(twice.error!.issues.map((i) => i.message)).toEqual(["« fièvre du nourrisson » : deux conduites différentes pour le même signe d'alerte"]);
    const duplicate = alertsFileSchema.safeParse({ alertes: [alert("a", "appeler-15"), alert("a", "appeler-15", "Autre")] });
    expect(duplicate.error!.issues[0]!.message).toBe("identifiant « a » en double");
  });

  it("a fiche's protocol rows use the closed list, cover every red flag of the fiche and agree with the registry", () => {
    const good = table(
      '| <Alerte id="douleur-thoracique" /> | Où êtes-vous ? | <Conduite id="appeler-15" /> |',
      '| <Alerte id="oedemes" /> | Depuis quand ? | <Conduite id="avis-medical-heure" /> |',
      '| Déplacer un rendez-vous | Quelle date ? | <Conduite id="rendez-vous" /> |',
    );
    expect(alertProblems(good, { alerts: REGISTRY, ficheAlerts: ["douleur-thoracique", "oedemes"] })).toEqual([]);

    const bad = table(
      '| <Alerte id="douleur-thoracique" /> | Où êtes-vous ? | <Conduite id="transfert-medecin" /> |',
      "| Fièvre | Température ? | Avis du pédiatre |",
      '| Examen | Lequel ? | <Conduite id="pediatre" /> |',
    );
    expect(alertProblems(bad, { alerts: REGISTRY, ficheAlerts: ["douleur-thoracique", "oedemes", "inconnue"] })).toEqual([
      "conduite « pediatre » hors de la liste fermée (appeler-15, transfert-medecin, avis-medical-heure, rendez-vous-rapide, transmettre-journee, rendez-vous, information)",
      "signe d'alerte « douleur-thoracique » : conduite « transfert-medecin » dans la fiche, « appeler-15 » dans le registre (deux conduites différentes pour le même signe)",
      'protocole de réponse, ligne « Fièvre » : la conduite doit être une seule <Conduite id="…" /> de la liste fermée',
      "signe d'alerte « oedemes » sans ligne dans le protocole de réponse",
      "alertes : « inconnue » absent du registre content/alertes.yaml",
    ]);
  });

  it("refuses an emergency conduct written in free text, in fiches and modules alike", () => {
    for (const text of [
      "On dit : « Raccrochez et appelez le 15 immédiatement. »",
      "Elle doit appeler le 15 tout de suite.",
      "Faites appeler le 112.",
      "Composez le 15.",
    ])
      expect(alertProblems(text, { alerts: REGISTRY })).toEqual([expect.stringMatching(/^conduite d'urgence écrite en texte libre/)]);
    for (const text of [
      "Le message d'accueil rappelle le 15 en cas d'urgence.",
      "Le SAMU-Centre 15 régule les appels.",
      '<Alerte id="douleur-thoracique" /> : <Conduite id="appeler-15" />',
    ])
      expect(alertProblems(text, { alerts: REGISTRY })).toEqual([]);
    expect(alertProblems('<Alerte id="fantome" />', { alerts: REGISTRY })).toEqual([
      'signe d\'alerte <Alerte id="fantome"> absent du registre content/alertes.yaml',
    ]);
  });

  it("content:check reports a broken registry and a fiche that disagrees with it (bad fixture on disk)", async () => {
    const dir = copyValidFixture(tmp("pivot-alertes-"));
    editFile(dir, "content/fiches/cardiologie.mdx", (text) =>
      text
        .replace(
          '| <Alerte id="malaise-perte-connaissance" /> | Où est la personne ? | <Conduite id="appeler-15" /> |',
          '| <Alerte id="malaise-perte-connaissance" /> | Où est la personne ? | <Conduite id="rendez-vous-rapide" /> |',
        )
        .replace("## Avant la consultation", "Sinon : « Raccrochez et appelez le 15. »\n\n## Avant la consultation"),
    );
    editFile(dir, "content/alertes.yaml", (text) => text.replace("conduite: avis-medical-heure", "conduite: voir-le-medecin"));
    const found = await problemLines(dir, tmp("pivot-alertes-cache-"));
    expect(found).toEqual(
      expect.arrayContaining([
        "content/alertes.yaml: alertes.2.conduite : conduite hors de la liste fermée (appeler-15, transfert-medecin, avis-medical-heure, rendez-vous-rapide, transmettre-journee, rendez-vous, information)",
      ]),
    );
    // With the registry unreadable, every red flag of the fiche is reported as unknown: nothing passes silently.
    expect(found).toEqual(expect.arrayContaining(["content/fiches/cardiologie.mdx: alertes : « douleur-thoracique » absent du registre content/alertes.yaml"]));

    editFile(dir, "content/alertes.yaml", (text) => text.replace("conduite: voir-le-medecin", "conduite: avis-medical-heure"));
    const again = await problemLines(dir, tmp("pivot-alertes-cache-"));
    expect(again).toEqual([
      "content/fiches/cardiologie.mdx: conduite d'urgence écrite en texte libre (« Raccrochez et appelez le 15 ») : citez le signe d'alerte du registre (<Alerte id=\"…\" />)",
      "content/fiches/cardiologie.mdx: signe d'alerte « malaise-perte-connaissance » : conduite « rendez-vous-rapide » dans la fiche, « appeler-15 » dans le registre (deux conduites différentes pour le même signe)",
    ]);
  });
});

describe("the glossary", () => {
  it("states no emergency conduct in its own words, and names registry red flags that exist (bad fixture on disk)", async () => {
    const dir = copyValidFixture(tmp("pivot-glossaire-"));
    editFile(dir, "content/glossaire.yaml", (text) =>
      text.replace(
          `definition: "Enregistrement de l'activité électrique du cœur."`,
          `definition: "Enregistrement du cœur ; une anomalie impose le 15."\n    alerte: fantome`,
        ),
    );
    const found = await problemLines(dir, tmp("pivot-glossaire-cache-"));
    expect(found).toEqual([
      "content/glossaire.yaml: entrée ecg : conduite d'urgence écrite en texte libre (« impose le 15 ») : citez le signe d'alerte du registre (<Alerte id=\"…\" />)",
      "content/glossaire.yaml: entrée ecg : signe d'alerte « fantome » absent du registre content/alertes.yaml",
    ]);
  });
});

describe("dates written with a weekday", () => {
  it("must be that weekday", () => {
    expect(weekdayProblems("Rendez-vous le mercredi 2 décembre 2026 à 9 heures.")).toEqual([]);
    expect(weekdayProblems("Rendez-vous le mardi 1er décembre 2026.")).toEqual([]);
    expect(weekdayProblems("Convocation le lundi 12 janvier 2027, à jeun.")).toEqual([
      "date « lundi 12 janvier 2027 » : le 12 janvier 2027 est un mardi, pas un lundi",
    ]);
    expect(weekdayProblems("Le jeudi 30 février 2027.")).toEqual(["date « jeudi 30 février 2027 » : ce jour n'existe pas"]);
  });

  it("are checked by content:check in modules and banks (bad fixture on disk)", async () => {
    const dir = copyValidFixture(tmp("pivot-dates-"));
    editFile(dir, "content/modules/gestion-information/exemple.mdx", (text) => text.replace("Un paragraphe", "Le vendredi 12 janvier 2027, un paragraphe"));
    const found = await problemLines(dir, tmp("pivot-dates-cache-"));
    expect(found).toEqual([
      "content/modules/gestion-information/exemple.mdx: date « vendredi 12 janvier 2027 » : le 12 janvier 2027 est un mardi, pas un vendredi",
    ]);
  });
});

describe("quiz banks that cannot be passed by guessing", () => {
  const single = (i: number, rightLongest: boolean): Question =>
    quizSchema.shape.questions.element.parse({
      id: `s${i}`,
      type: "single",
      competency: "gi-rgpd",
      prompt: "Question ?",
      explanation: "Parce que.",
      options: [
        { id: "a", text: rightLongest ? "La bonne réponse, détaillée et rassurante" : "La bonne réponse", correct: true },
        { id: "b", text: "Une réponse plausible" },
        { id: "c", text: "Une autre réponse" },
      ],
    });
  const multiple = (i: number, wrong: number): Question =>
    quizSchema.shape.questions.element.parse({
      id: `m${i}`,
      type: "multiple",
      competency: "gi-rgpd",
      prompt: "Lesquelles ?",
      explanation: "Parce que.",
      options: [
        { id: "a", text: "Première", correct: true },
        { id: "b", text: "Deuxième", correct: wrong < 3 },
        { id: "c", text: "Troisième", correct: wrong < 2 },
        { id: "d", text: "Quatrième", correct: wrong < 1 },
      ].slice(0, 4),
    });

  it("a bank where the right option is the longest and where all but one option are right is refused", () => {
    const bad = [...[1, 2, 3, 4, 5].map((i) => single(i, true)), ...[1, 2, 3, 4].map((i) => multiple(i, 1))];
    expect(bankStats(bad)).toEqual({ single: 5, longestCorrect: 5, multiple: 4, oneWrong: 4 });
    expect(bankStatsProblems(bankStats(bad), "bank")).toEqual([
      "choix unique : la bonne réponse est la plus longue dans 5 question(s) sur 5 (100 %, au plus 40 %)",
      "choix multiple : une seule option fausse dans 4 question(s) sur 4 (100 %, au plus 40 %)",
    ]);
  });

  it("a varied bank passes; small samples are judged only with the whole catalogue", () => {
    const good = [single(1, true), single(2, false), single(3, false), single(4, false), multiple(1, 1), multiple(2, 0), multiple(3, 2), multiple(4, 3)];
    expect(bankStatsProblems(bankStats(good), "bank")).toEqual([]);
    const tiny = [single(1, true), single(2, true)];
    expect(bankStatsProblems(bankStats(tiny), "bank")).toEqual([]);
    expect(bankStatsProblems(bankStats(tiny), "overall")).toHaveLength(1);
  });
});
