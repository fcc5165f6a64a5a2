// Answers a quiz on the page from the compiled content bank, as only a test may know it.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Manifest } from "~/content/build.server";
import { ROOT } from "./paths";
import { chosenOptions } from "./right-answers";

export function bankOf(moduleId: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".content-cache", "manifest.json"), "utf8")) as Manifest;
  // Block assessments, positioning tests, update and renewal quizzes draw from the modules' banks
  // (question ids are unique across the catalogue).
  if (/^(evaluation|positionnement|mise-a-jour|renouvellement)-/.test(moduleId)) {
    const questions = manifest.modules.flatMap((m) => m.quiz?.questions ?? []);
    return { passMark: 0, drawCount: questions.length, questions };
  }
  const mod = manifest.modules.find((m) => m.frontmatter.id === moduleId);
  if (!mod?.quiz) throw new Error(`no quiz for ${moduleId}`);
  return mod.quiz;
}

/** Fills every question of the open quiz; `wrong` lists question ids to answer wrongly. */
export async function answerQuiz(page: Page, moduleId: string, wrong: string[] = []) {
  const bank = bankOf(moduleId);
  const items = page.locator("[data-question-id]");
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const id = (await item.getAttribute("data-question-id"))!;
    const q = bank.questions.find((x) => x.id === id)!;
    const bad = wrong.includes(id);
    switch (q.type) {
      case "single":
      case "multiple":
        for (const o of chosenOptions(q.options, bad)) await item.getByLabel(o.text, { exact: true }).check();
        break;
      case "truefalse":
        await item.getByLabel(q.answer !== bad ? "Vrai" : "Faux", { exact: true }).check();
        break;
      case "matching":
        for (const p of q.pairs) {
          const target = bad ? q.pairs.find((x) => x.id !== p.id)! : p;
          await item.getByLabel(p.left, { exact: true }).selectOption({ label: target.right });
        }
        break;
      case "ordering":
        for (const [index, it] of q.items.entries())
          await item.getByLabel(`Position de : ${it.text}`, { exact: true }).selectOption(String(bad ? q.items.length - index : index + 1));
        break;
      case "numeric":
        await item.getByRole("textbox").fill(String(bad ? q.answer + 7 : q.answer).replace(".", ","));
        break;
      case "text":
        await item.getByRole("textbox").fill(bad ? "réponse fausse" : q.accepted[0]!);
        break;
    }
  }
  return count;
}
