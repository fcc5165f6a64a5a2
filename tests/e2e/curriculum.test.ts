// A learner goes through a block page, a module and its quiz until every question type has been
// answered, then sees the block's progress updated.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "~/content/build.server";
import { answerQuiz } from "../helpers/quiz-answers";
import { launch, screenshot, signIn } from "../helpers/browser";
import { ROOT } from "../helpers/paths";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".content-cache", "manifest.json"), "utf8")) as Manifest;
const ALL_TYPES = ["single", "multiple", "truefalse", "matching", "ordering", "numeric", "text"];
// The module whose bank holds every question type, in block 1.
const target = manifest.modules.find(
  (m) => m.frontmatter.block === "gestion-information" && ALL_TYPES.every((t) => m.quiz?.questions.some((q) => q.type === t)),
)!;

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the curriculum by blocks", () => {
  it("lists the three blocks, opens one, and follows a module to a passed quiz covering every question type", async () => {
    expect(target, "a block 1 module with every question type").toBeTruthy();
    const { page } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");
    await page.getByRole("link", { name: "Blocs", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Blocs de compétences" }).waitFor();
    expect(await page.locator("[data-block]").count()).toBe(3);
    await screenshot(page, "30-blocs");

    await page.locator('[data-block="gestion-information"]').getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Bloc 1/ }).waitFor();
    const before = await page.getByRole("progressbar").getAttribute("aria-valuenow");
    expect(await page.locator("[data-competency]").count()).toBe(manifest.referential!.blocks[0]!.competencies.length);
    await screenshot(page, "31-bloc-1");

    await page.locator(`[data-module="${target.frontmatter.id}"]`).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: target.frontmatter.title }).waitFor();
    expect(await page.getByRole("list", { name: "Compétences travaillées" }).locator("li").count()).toBe(target.frontmatter.competencies.length);
    await page.getByRole("button", { name: "Marquer comme lu" }).click();
    await page.getByRole("button", { name: "Marquer comme lu" }).waitFor({ state: "detached" });

    // Retake until every question type has been met (each draw is random); each pass must score 100 %.
    const seen = new Set<string>();
    for (let attempt = 1; attempt <= 12 && seen.size < ALL_TYPES.length; attempt++) {
      await page.getByRole("button", { name: /Commencer le quiz|Refaire le quiz/ }).click();
      await page.locator("[data-question-id]").first().waitFor();
      for (const t of await page.locator("[data-question-type]").evaluateAll((els) => els.map((e) => e.getAttribute("data-question-type")!))) seen.add(t);
      await answerQuiz(page, target.frontmatter.id);
      if (attempt === 1) await screenshot(page, "32-quiz");
      await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
      await page.waitForURL(/tentative=/);
      expect(await page.getByTestId("score").textContent()).toMatch(/^100\s%/);
    }
    expect([...seen].sort()).toEqual([...ALL_TYPES].sort());

    await page
      .getByRole("link", { name: /Bloc 1 — / })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /Bloc 1/ }).waitFor();
    const row = page.locator(`[data-module="${target.frontmatter.id}"]`);
    expect(await row.textContent()).toContain("Terminé");
    expect(await row.textContent()).toContain("100 %");
    const after = await page.getByRole("progressbar").getAttribute("aria-valuenow");
    expect(Number(after)).toBeGreaterThan(Number(before));
    await screenshot(page, "33-bloc-1-apres");
  });

  it("a module links to its neighbours in the block", async () => {
    const { page } = browser;
    const blockModules = manifest.modules.filter((m) => m.frontmatter.block === "gestion-information");
    const second = blockModules[1]!;
    await page.goto(`/modules/${second.frontmatter.id}`);
    expect(await page.locator('a[rel="prev"]').getAttribute("href")).toBe(`/modules/${blockModules[0]!.frontmatter.id}`);
    expect(await page.locator('a[rel="next"]').getAttribute("href")).toBe(`/modules/${blockModules[2]!.frontmatter.id}`);
  });

  it("an unknown block answers a French 404", async () => {
    const response = await browser.page.goto("/blocs/bloc-imaginaire");
    expect(response?.status()).toBe(404);
    expect(await browser.page.getByRole("heading", { level: 1 }).textContent()).toBe("Page introuvable");
  });
});
