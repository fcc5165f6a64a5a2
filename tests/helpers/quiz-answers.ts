// Answers a quiz on the page from the compiled content bank, as only a test may know it.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
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

/**
 * Fills every question of the open quiz; `wrong` lists question ids to answer wrongly. With JavaScript,
 * ordering questions are answered with their « Monter » buttons and, on a phone, the questions are
 * walked through with « Question suivante »; without it, with the selects.
 */
export async function answerQuiz(page: Page, moduleId: string, wrong: string[] = []) {
  const bank = bankOf(moduleId);
  const items = page.locator("[data-question-id]");
  await items.first().waitFor();
  // The form marks itself once hydrated; a page without JavaScript never does.
  const enhanced = await page
    .locator("form[data-quiz-enhanced]")
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    if (enhanced && !(await item.isVisible())) {
      await page.getByRole("button", { name: "Question suivante" }).click();
      await item.waitFor({ state: "visible" });
    }
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
      case "ordering": {
        // Wrong: the reverse of the right order.
        const target = bad ? [...q.items].reverse() : q.items;
        if (enhanced)
          await arrangeWithButtons(
            item,
            target.map((it) => it.text),
          );
        else for (const [index, it] of target.entries()) await item.getByLabel(`Position de : ${it.text}`, { exact: true }).selectOption(String(index + 1));
        break;
      }
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

/** Puts the items of an ordering question in `texts` order with the « Monter » buttons (a selection sort). */
async function arrangeWithButtons(item: Locator, texts: string[]) {
  const rows = item.locator("li[data-ordering-item]");
  const current = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-ordering-item")!));
  let moved = false;
  for (const [target, text] of texts.entries()) {
    let at = (await current()).indexOf(text);
    if (at < 0) throw new Error(`ordering item not found: ${text}`);
    while (at > target) {
      await rows.nth(at).locator('button[data-step="-1"]').click();
      at--;
      moved = true;
    }
  }
  // An order never touched is no answer: move the first item down and back.
  if (!moved) {
    await rows.nth(0).locator('button[data-step="1"]').click();
    await rows.nth(1).locator('button[data-step="-1"]').click();
  }
  const final = await current();
  if (final.join("\n") !== texts.join("\n")) throw new Error(`ordering not arranged: ${final.join(" | ")}`);
}
