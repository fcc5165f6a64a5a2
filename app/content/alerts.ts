// The one registry of red flags ("signes d'alerte", content/alertes.yaml) and the closed list of conducts.
// Fiches and modules name a red flag by id (<Alerte id="…" />) and a conduct by id (<Conduite id="…" />):
// they never write an emergency conduct in free text, so two pages can never disagree.
// Pure (no I/O): used by the build, content:check, the pages and the tests.
import { z } from "~/utils/zod";
import { SPECIALTY_IDS } from "./glossary";

const text = z.string({ error: "texte attendu" }).trim().min(1, "texte vide");

/** The closed list of what a secretary does, from the most to the least urgent. */
export const CONDUCTS = {
  "appeler-15": {
    label: "Appeler le 15 et garder l'appelant en ligne",
    urgent: true,
    steps: [
      "Demandez d'abord où se trouve la personne (adresse précise) et un numéro où la rappeler.",
      "Ne raccrochez pas : gardez l'appelant en ligne et faites appeler le 15 par une collègue, ou transférez l'appel au 15 si votre standard le permet, en donnant l'adresse et le numéro de rappel.",
      "Ne proposez jamais à la personne de venir par ses propres moyens aux urgences : c'est le médecin régulateur du 15 qui décide du transport.",
      "Prévenez ensuite le médecin du service et notez l'appel (heure, motif, ce qui a été fait).",
    ],
  },
  "transfert-medecin": {
    label: "Transférer immédiatement l'appel au médecin ou à l'infirmière",
    urgent: true,
    steps: [
      "Notez l'identité, le numéro de rappel et le motif en une phrase.",
      "Transférez l'appel tout de suite au médecin ou à l'infirmière du service, sans le mettre en attente ; s'il ne répond pas, faites appeler le 15.",
    ],
  },
  "avis-medical-heure": {
    label: "Obtenir un avis médical dans l'heure",
    urgent: true,
    steps: [
      "Notez l'identité, le numéro de rappel et le motif.",
      "Transmettez au médecin ou à l'infirmière dans l'heure et dites à l'appelant quand il sera rappelé ; si son état s'aggrave d'ici là, il appelle le 15.",
    ],
  },
  "rendez-vous-rapide": {
    label: "Proposer un rendez-vous rapide (dans les 48 heures)",
    urgent: false,
    steps: ["Proposez le premier créneau disponible ; s'il n'y en a pas dans les 48 heures, transmettez au médecin dans la journée."],
  },
  "transmettre-journee": {
    label: "Transmettre à l'infirmière ou au médecin dans la journée",
    urgent: false,
    steps: ["Notez la demande et le numéro de rappel, transmettez-la dans la journée et dites à l'appelant qui le rappellera."],
  },
  "rendez-vous": { label: "Prendre ou déplacer le rendez-vous", urgent: false, steps: [] },
  information: { label: "Répondre ou donner l'information", urgent: false, steps: [] },
} as const;
export type ConductId = keyof typeof CONDUCTS;
export const CONDUCT_IDS = Object.keys(CONDUCTS) as [ConductId, ...ConductId[]];

export const alertSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "identifiant : minuscules, chiffres et tirets"),
  /** The sign as a secretary hears it on the phone. */
  signe: text,
  /** Other words callers use for it (search, training). */
  motsEntendus: z.array(text).default([]),
  specialites: z.array(z.enum(SPECIALTY_IDS, { error: "spécialité inconnue" })).min(1, "au moins une spécialité"),
  conduite: z.enum(CONDUCT_IDS, { error: `conduite hors de la liste fermée (${CONDUCT_IDS.join(", ")})` }),
  /** Where the conduct comes from: a public guideline or practice, never an invented reference. */
  source: text,
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsFileSchema = z
  .strictObject({ alertes: z.array(alertSchema).min(1) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const bySign = new Map<string, string>();
    file.alertes.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: "custom", path: ["alertes", i, "id"], message: `identifiant « ${a.id} » en double` });
      ids.add(a.id);
      const sign = a.signe.toLowerCase();
      const other = bySign.get(sign);
      if (other !== undefined && other !== a.conduite)
        ctx.addIssue({ code: "custom", path: ["alertes", i, "conduite"], message: `« ${a.signe} » : deux conduites différentes pour le même signe d'alerte` });
      bySign.set(sign, a.conduite);
    });
  });

/** Ids named by <Alerte id="…"> in an MDX body. */
export function alertIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(/<Alerte\s+id=["']([^"']+)["']/g)].map((m) => m[1]!))];
}

/** Emergency conducts written in free text instead of coming from the registry. */
const FREE_TEXT_CONDUCT = /\b(raccroch\w*|appel(?:ez|er|le|lent|ant)?|compos(?:ez|er)|faites appeler|orient\w*|impos\w*|relève\w*|justifi\w*)[^.;\n|]{0,25}\b(le |du |au )?(15|112)\b/i;

/** Emergency conducts written in free text in a piece of prose (a glossary definition, a situation…). */
export function freeTextConducts(text: string): string[] {
  return text
    .replace(/<[A-Z][^>]*\/>/g, " ")
    .split("\n")
    .flatMap((line) => {
      const hit = line.match(FREE_TEXT_CONDUCT);
      return hit ? [`conduite d'urgence écrite en texte libre (« ${hit[0].trim()} ») : citez le signe d'alerte du registre (<Alerte id="…" />)`] : [];
    });
}

/**
 * Problems of a fiche's "Protocole de réponse" table and of free-text conducts, given the registry:
 * every conduct from the closed list, every red flag of the fiche with its protocol row, and that row's
 * conduct the registry's.
 */
export function alertProblems(body: string, options: { alerts: Map<string, Alert>; ficheAlerts?: readonly string[] }): string[] {
  const problems: string[] = [];
  const { alerts } = options;
  for (const id of alertIdsIn(body)) if (!alerts.has(id)) problems.push(`signe d'alerte <Alerte id="${id}"> absent du registre content/alertes.yaml`);
  for (const m of body.matchAll(/<Conduite\s+id=["']([^"']+)["']/g))
    if (!(CONDUCT_IDS as string[]).includes(m[1]!)) problems.push(`conduite « ${m[1]} » hors de la liste fermée (${CONDUCT_IDS.join(", ")})`);
  problems.push(...freeTextConducts(body));
  if (options.ficheAlerts) {
    const section = body.split(/^##\s+Protocole de réponse\s*$/m)[1]?.split(/^##\s/m)[0] ?? "";
    const rows = section.split("\n").filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l)).slice(1); // without the header
    const covered = new Set<string>();
    for (const row of rows) {
      const cells = row.split("|").slice(1, -1).map((c) => c.trim());
      const conduct = cells[2]?.match(/^<Conduite\s+id=["']([^"']+)["']\s*\/>$/)?.[1];
      if (!conduct) {
        problems.push(`protocole de réponse, ligne « ${(cells[0] ?? "").slice(0, 50)} » : la conduite doit être une seule <Conduite id="…" /> de la liste fermée`);
        continue;
      }
      for (const id of alertIdsIn(cells[0] ?? "")) {
        covered.add(id);
        const alert = alerts.get(id);
        if (alert && alert.conduite !== conduct)
          problems.push(`signe d'alerte « ${id} » : conduite « ${conduct} » dans la fiche, « ${alert.conduite} » dans le registre (deux conduites différentes pour le même signe)`);
      }
    }
    for (const id of options.ficheAlerts) {
      if (!alerts.has(id)) problems.push(`alertes : « ${id} » absent du registre content/alertes.yaml`);
      else if (!covered.has(id)) problems.push(`signe d'alerte « ${id} » sans ligne dans le protocole de réponse`);
    }
  }
  return problems;
}
