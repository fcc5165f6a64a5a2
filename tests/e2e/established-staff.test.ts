// An established secretary in Chromium: she sees an updated module flagged on her dashboard, takes the
// positioning test of block 2 and sees the modules she masters marked « acquis », reviews five cards of
// the day from the keyboard, then clears the update with its short quiz.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "~/content/build.server";
import { launch, screenshot, signIn } from "../helpers/browser";
import { ROOT } from "../helpers/paths";
import { answerQuiz, bankOf } from "../helpers/quiz-answers";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".content-cache", "manifest.json"), "utf8")) as Manifest;
const BLOCK = "ecosysteme-soins"; // block 1 is the curriculum journey's, block 3 the accessibility check's
const UPDATED = "ethique-numerique-ia"; // 2.0.0; the demo secretary completed 1.0.0

let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Page = Awaited<ReturnType<typeof launch>>["page"];
const remaining = async (page: Page) => Number((await page.getByTestId("a-reviser").textContent())!.match(/^(\d+) carte/)?.[1] ?? 0);

describe("established staff", () => {
  it("positioning, modules acquis, five cards reviewed, an updated module flagged then brought up to date", async () => {
    const { page, consoleErrors } = browser;
    await signIn(page, "secretaire.confirmee@pivot.demo");

    // The update of a module she completed long ago is flagged on her dashboard.
    const flagged = page.locator(`[data-update="${UPDATED}"]`);
    await flagged.waitFor();
    expect(await flagged.textContent()).toContain("mise à jour");
    const blockModules = manifest.modules.filter((m) => m.frontmatter.block === BLOCK).map((m) => m.frontmatter.id);
    const completedBefore = new Set<string>();
    for (const id of blockModules) if ((await page.locator(`[data-module="${id}"]`).textContent())!.includes("Terminé")) completedBefore.add(id);

    // Positioning test of block 2, from the refresher page.
    await page.getByRole("link", { name: "Actualisation", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Actualisation" }).waitFor();
    await page.locator("li", { hasText: "Bloc 2 — Écosystème de soins" }).getByRole("link", { name: "Passer le test de positionnement" }).click();
    await page.getByRole("heading", { level: 1, name: /Test de positionnement — Bloc 2/ }).waitFor();
    await page.getByRole("button", { name: "Commencer le test" }).click();
    await page.locator("[data-question-id]").first().waitFor();
    const bank = bankOf(`positionnement-${BLOCK}`);
    const drawn = await page.locator("[data-question-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-question-id")!));
    const competencies = manifest.referential!.blocks.find((b) => b.id === BLOCK)!.competencies.map((c) => c.id);
    const perCompetency = manifest.certification!.positioning.questionsPerCompetency;
    expect(drawn).toHaveLength(competencies.length * perCompetency);
    // Each competency is tested in at least two kinds of question.
    for (const c of competencies)
      expect(new Set(bank.questions.filter((q) => q.competency === c && drawn.includes(q.id)).map((q) => q.type)).size).toBeGreaterThanOrEqual(2);
    // She gets every question right but those of one competency.
    const weak = bank.questions.find((q) => q.id === drawn[0])!.competency;
    const wrong = drawn.filter((id) => bank.questions.find((q) => q.id === id)!.competency === weak);
    await answerQuiz(page, `positionnement-${BLOCK}`, wrong);
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);

    const outcome = page.locator("#positionnement");
    await outcome.waitFor();
    expect(await outcome.locator(`[data-positioning-competency="${weak}"]`).getAttribute("data-outcome")).toBe("a_acquerir");
    expect(await outcome.locator('[data-outcome="maitrisee"]').count()).toBe(competencies.length - 1);
    const weakModule = manifest.modules.find((m) => m.frontmatter.block === BLOCK && m.frontmatter.competencies.includes(weak))!.frontmatter.id;
    expect(await page.locator(`[data-plan-module="${weakModule}"]`).getAttribute("data-plan-action")).not.toBe("acquis");
    const acquired = await page.locator('[data-plan-action="acquis"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-plan-module")!));
    // Acquired: the block's modules all of whose competencies were mastered, i.e. all but the weak one.
    const expected = manifest.modules
      .filter((m) => m.frontmatter.block === BLOCK && m.frontmatter.competencies.every((c) => c !== weak && competencies.includes(c)))
      .map((m) => m.frontmatter.id);
    expect(acquired.sort()).toEqual(expected.sort());
    expect(acquired.length).toBeGreaterThan(0);
    await screenshot(page, "80-positionnement");

    // The dashboard marks them « acquis »; a module she had already completed stays « terminé ».
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
    await page.locator(`[data-module="${acquired[0]}"]`).waitFor();
    for (const id of acquired)
      expect(await page.locator(`[data-module="${id}"]`).textContent()).toContain(completedBefore.has(id) ? "Terminé" : "Acquis (test de positionnement)");
    expect(acquired.filter((id) => !completedBefore.has(id)).length).toBeGreaterThan(0);
    expect(await page.locator(`[data-module="${weakModule}"]`).textContent()).not.toContain("Acquis");

    // Five cards of the day, from the keyboard: space shows the answer, 1 to 4 grade it.
    await page.getByRole("link", { name: "Révisions", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Révisions du jour" }).waitFor();
    const before = await remaining(page);
    expect(before).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 5; i++) {
      const key = await page.locator("[data-card]").getAttribute("data-card");
      // Until the page is hydrated the shortcut does nothing: press until the answer shows.
      await expect
        .poll(async () => {
          await page.keyboard.press("Space");
          return page.getByText("Comment s'est passé votre rappel ?").count();
        })
        .toBe(1);
      if (i === 0) await screenshot(page, "70-revision-reponse");
      // A second Space may have started another navigation: the grade buttons wait for it (disabled while busy).
      await expect.poll(() => page.locator('button[name="grade"]').first().isEnabled()).toBe(true);
      await page.keyboard.press(i % 2 ? "3" : "4");
      await expect
        .poll(() =>
          page
            .locator("[data-card]")
            .getAttribute("data-card")
            .catch(() => null),
        )
        .not.toBe(key);
    }
    expect(await remaining(page)).toBe(before - 5);

    // Still flagged on the dashboard; the short update quiz clears it.
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
    await flagged.waitFor();
    await flagged.getByRole("link", { name: "quiz de mise à jour" }).click();
    await page.getByRole("heading", { level: 1, name: /^Mise à jour — / }).waitFor();
    await page.getByRole("button", { name: "Commencer le quiz de mise à jour" }).click();
    await page.locator("[data-question-id]").first().waitFor();
    const changed = manifest.modules.find((m) => m.frontmatter.id === UPDATED)!.frontmatter.changelog.flatMap((c) => c.questions ?? []);
    const asked = await page.locator("[data-question-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-question-id")!));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((id) => changed.includes(id))).toBe(true);
    await answerQuiz(page, `mise-a-jour-${UPDATED}`);
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    await page.getByText("Mise à jour validée").waitFor();
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
    await page.getByTestId("revisions-du-jour").waitFor();
    expect(await page.locator(`[data-update="${UPDATED}"]`).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("renews her ageing certificate with the refresher quiz; the old one points to the new one", async () => {
    const { page, consoleErrors } = browser;
    await page.goto("/certification");
    const ageing = page.locator('[data-certificate-status="a_actualiser"]');
    await ageing.waitFor();
    const oldHref = (await ageing.getByRole("link").first().getAttribute("href"))!;
    await ageing.getByRole("link", { name: "Renouveler ce certificat" }).click();
    await page.getByRole("heading", { level: 1, name: /^Renouvellement — Bloc 3/ }).waitFor();
    await page.getByRole("button", { name: "Commencer le quiz de renouvellement" }).click();
    await page.locator("[data-question-id]").first().waitFor();
    await answerQuiz(page, "renouvellement-competences-transversales");
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(/tentative=/);
    await page.getByText("Quiz réussi : vos certificats sont renouvelés.").waitFor();
    await screenshot(page, "81-renouvellement");
    expect(await page.locator('[data-certificate-status="valide"]').count()).toBe(1);
    expect(await page.locator('[data-certificate-status="renouvele"]').count()).toBe(1);

    // The previous certificate stays verifiable and leads to the new one, which shows the history.
    await page.goto(oldHref);
    expect(await page.getByRole("status").textContent()).toMatch(/^Certificat renouvelé le /);
    await page.getByRole("link", { name: "Voir le certificat en cours" }).click();
    expect(await page.getByRole("status").textContent()).toMatch(/^Certificat valide jusqu'au /);
    expect(await page.getByTestId("historique-certificat").locator("li").count()).toBe(2);
    await screenshot(page, "82-certificat-renouvele");
    expect(consoleErrors).toEqual([]);
  });
});
