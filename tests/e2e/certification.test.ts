// A learner meets the last requirement of a block (its final assessment), sees her certificate,
// downloads the PDF, and a visitor without an account verifies the code.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "~/content/build.server";
import { launch, screenshot, signIn } from "../helpers/browser";
import { answerQuiz } from "../helpers/quiz-answers";
import { ROOT } from "../helpers/paths";
import { decodeQr, qrDrawnIn } from "../helpers/qr";
import { certificateQr } from "~/models/certificate-pdf.server";

const BLOCK = "competences-transversales";
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".content-cache", "manifest.json"), "utf8")) as Manifest;
let browser: Awaited<ReturnType<typeof launch>>;
let visitor: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
  visitor = await launch();
});
afterAll(async () => {
  await browser?.close();
  await visitor?.close();
});

async function passQuiz(page: Awaited<ReturnType<typeof launch>>["page"], url: string, id: string, start: RegExp) {
  await page.goto(url);
  await page.getByRole("button", { name: start }).click();
  await page.locator("[data-question-id]").first().waitFor();
  await answerQuiz(page, id);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await page.waitForURL(/tentative=/);
  expect(await page.getByTestId("score").textContent()).toMatch(/^100\s%/);
}

describe("certifying pathway", () => {
  it("a learner completes block 3, gets her certificate and its PDF, and a visitor verifies it", async () => {
    const { page, consoleErrors } = browser;
    await signIn(page, "nouvelle.recrue@pivot.demo");

    // The quizzes of every module of the block: quiz evidence for each competency.
    for (const m of manifest.modules.filter((x) => x.frontmatter.block === BLOCK)) await passQuiz(page, `/modules/${m.frontmatter.id}`, m.frontmatter.id, /Commencer le quiz|Refaire le quiz/);

    await page.getByRole("link", { name: "Certification", exact: true }).click();
    const block = page.locator(`[data-cert-block="${BLOCK}"]`);
    await block.getByText("Pas encore validé").waitFor();
    expect(await block.textContent()).toContain("Évaluation du bloc : à réussir");

    // The last requirement: the block's final assessment.
    await block.getByRole("link", { name: "passer l'évaluation du bloc" }).click();
    await page.getByRole("heading", { level: 1, name: /Évaluation du bloc 3/ }).waitFor();
    await passQuiz(page, page.url(), `evaluation-${BLOCK}`, /Commencer l'évaluation/);
    await screenshot(page, "60-evaluation-bloc");

    await page.goto("/certification");
    await block.getByText("Validé au niveau : Connaissances générales").waitFor();
    const certificate = page.locator("[data-certificate]").filter({ hasText: "Bloc 3" });
    await certificate.waitFor();
    await screenshot(page, "61-certification");
    const code = (await certificate.getAttribute("data-certificate"))!;
    await certificate.getByRole("link").click();
    await page.locator('[data-certificate-status="valide"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Its QR code, read back from what the PDF draws, opens this certificate's verification page.
    const verifyUrl = new URL(`/certificats/${code}`, page.url()).href;
    const { grid } = await qrDrawnIn(new Uint8Array(pdf), certificateQr(verifyUrl));
    expect(await decodeQr(grid, 0)).toBe(verifyUrl);
    expect(consoleErrors).toEqual([]);

    // A visitor without an account.
    await visitor.page.goto(`/certificats/${code}`);
    await visitor.page.locator('[data-certificate-status="valide"]').waitFor();
    expect(await visitor.page.locator("main").textContent()).toContain("Camille Martin");
    await screenshot(visitor.page, "62-verification-publique");
    // The certificate page prints on one A4 page, without the site's navigation.
    await visitor.page.emulateMedia({ media: "print" });
    const printed = await visitor.page.pdf({ format: "A4" });
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(printed)).getPageCount()).toBe(1);
    await visitor.page.emulateMedia({ media: "screen" });
    const unknown = await visitor.page.goto(`/certificats/${"b".repeat(32)}`);
    expect(unknown?.status()).toBe(404);
    await visitor.page.getByText("Aucun certificat ne correspond à ce code").waitFor();
  });
});
