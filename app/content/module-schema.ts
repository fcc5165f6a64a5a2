// Zod schemas for the files people write under content/: module frontmatter and quiz banks.
// Pure (no I/O): used by the build, by content:check and by the tests.
import { z } from "~/utils/zod";
import { frText, isoDate, semver, slug } from "./fields";
import { LEVELS } from "~/domain/vocabulary";

export const BLOCK_IDS = ["gestion-information", "ecosysteme-soins", "competences-transversales"] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export const moduleFrontmatterSchema = z.strictObject({
  id: slug,
  title: frText,
  block: z.enum(BLOCK_IDS, { error: `doit être l'un de : ${BLOCK_IDS.join(", ")}` }),
  order: z.number({ error: "doit être un nombre" }).int().positive(),
  level: z.enum(LEVELS, { error: `doit être l'un de : ${LEVELS.join(", ")}` }),
  version: semver,
  summary: frText,
  objectives: z.array(frText).min(1, "au moins un objectif"),
  prerequisites: z.array(slug).default([]),
  competencies: z.array(slug).min(1, "au moins une compétence"),
  /** A module to revisit regularly (tools and rules that move): listed among the refresher modules. */
  refresher: z.boolean({ error: "refresher doit valoir true ou false" }).optional(),
  changelog: z
    .array(
      z.strictObject({
        version: semver,
        date: isoDate,
        changes: frText,
        /** Questions of the module's bank that check this change: the short update quiz draws them. */
        questions: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, "identifiant de question invalide")).optional(),
      }),
    )
    .min(1, "au moins une entrée"),
});
/** As compiled: the estimated duration is computed from the text and the quiz (./duration), not written. */
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema> & { estimatedMinutes: number };

const questionBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, "identifiant de question invalide"),
  competency: slug,
  case: frText.optional(),
  prompt: frText,
  /** The `##` heading of the module that teaches the question, when the automatic match picks the wrong one. */
  section: frText.optional(),
  explanation: frText,
};
const choiceOption = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, "identifiant d'option invalide"),
  text: frText,
  correct: z.boolean().optional(),
});
const idItem = (field: string) =>
  z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]+$/, `identifiant ${field} invalide`), text: frText });

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const questionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ ...questionBase, type: z.literal("single"), options: z.array(choiceOption).min(2).max(6) }),
    z.strictObject({ ...questionBase, type: z.literal("multiple"), options: z.array(choiceOption).min(2).max(6) }),
    z.strictObject({ ...questionBase, type: z.literal("truefalse"), answer: z.boolean({ error: "answer doit valoir true ou false" }) }),
    z.strictObject({
      ...questionBase,
      type: z.literal("matching"),
      pairs: z.array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]+$/), left: frText, right: frText })).min(3).max(6),
    }),
    z.strictObject({ ...questionBase, type: z.literal("ordering"), items: z.array(idItem("d'étape")).min(3).max(7) }),
    z.strictObject({
      ...questionBase,
      type: z.literal("numeric"),
      answer: z.number({ error: "answer doit être un nombre" }),
      tolerance: z.number().min(0).default(0),
      unit: frText.optional(),
    }),
    z.strictObject({ ...questionBase, type: z.literal("text"), accepted: z.array(frText).min(1, "au moins une réponse acceptée") }),
  ],
  { error: "type de question inconnu (single, multiple, truefalse, matching, ordering, numeric, text)" },
).superRefine((q, ctx) => {
  if (q.type === "single" || q.type === "multiple") {
    if (!uniqueIds(q.options)) ctx.addIssue({ code: "custom", message: "deux options ont le même identifiant" });
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) ctx.addIssue({ code: "custom", message: "aucune option n'est marquée correcte" });
    if (q.type === "single" && correct > 1)
      ctx.addIssue({ code: "custom", message: "une question à choix unique a plusieurs bonnes réponses" });
  }
  if (q.type === "matching") {
    if (!uniqueIds(q.pairs)) ctx.addIssue({ code: "custom", message: "deux paires ont le même identifiant" });
    if (new Set(q.pairs.map((p) => p.right)).size !== q.pairs.length)
      ctx.addIssue({ code: "custom", message: "deux paires ont le même élément de droite" });
  }
  if (q.type === "ordering" && !uniqueIds(q.items))
    ctx.addIssue({ code: "custom", message: "deux étapes ont le même identifiant" });
});
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];

export const quizSchema = z
  .strictObject({
    passMark: z.number().int().min(1).max(100).default(80),
    drawCount: z.number().int().positive(),
    /** When set, the draw takes this many questions of each competency (positioning tests) instead of drawCount at random. */
    drawPerCompetency: z.number().int().positive().optional(),
    questions: z.array(questionSchema).min(1, "au moins une question"),
  })
  .superRefine((quiz, ctx) => {
    if (!uniqueIds(quiz.questions)) ctx.addIssue({ code: "custom", message: "deux questions ont le même identifiant" });
    if (quiz.drawCount > quiz.questions.length)
      ctx.addIssue({ code: "custom", path: ["drawCount"], message: "drawCount dépasse le nombre de questions" });
  });
export type Quiz = z.infer<typeof quizSchema>;

const ITEM_NAMES: Record<string, string> = { questions: "question", entries: "entrée" };

/** Turns zod issues into readable `path : message` lines; list items are named by their id. */
export function formatIssues(error: z.ZodError, data?: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let where = path.length ? path.join(".") : "(racine)";
    const list = typeof path[0] === "string" ? ITEM_NAMES[path[0]] : undefined;
    if (list && typeof path[1] === "number") {
      const id = (data as Record<string, { id?: unknown }[] | undefined> | undefined)?.[path[0] as string]?.[path[1]]?.id;
      where = [`${list} ${typeof id === "string" ? id : `n° ${path[1] + 1}`}`, ...path.slice(2)].join(".");
    }
    return `${where} : ${issue.message}`;
  });
}
