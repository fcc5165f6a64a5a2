// The quiz form as the server renders it (what a learner without JavaScript gets): every question
// visible, numbered « Question n sur N », ordering questions as selects, and a form action that
// reopens the page at the error banner.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { Question } from "~/content/module-schema";
import { QuizForm } from "~/components/quiz-form";
import { fieldName, toPublicQuestion } from "~/domain/quiz";

const ordering: Question = {
  id: "o",
  type: "ordering",
  competency: "c",
  prompt: "Remettez dans l'ordre",
  explanation: "E",
  items: [
    { id: "i1", text: "d'abord" },
    { id: "i2", text: "ensuite" },
    { id: "i3", text: "enfin" },
  ],
};
const truefalse: Question = { id: "t", type: "truefalse", competency: "c", prompt: "Vrai ou faux", explanation: "E", answer: true };
const questions = [toPublicQuestion(truefalse, { id: "t" }), toPublicQuestion(ordering, { id: "o", order: ["i2", "i3", "i1"] })];

async function render(props: Partial<Parameters<typeof QuizForm>[0]> = {}) {
  const routes = [{ id: "quiz", path: "/modules/exemple", element: createElement(QuizForm, { attemptId: "a1", questions, passMark: 80, ...props }) }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/modules/exemple"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

describe("the quiz form without JavaScript", () => {
  it("shows every question with « Question n sur N », the ordering selects, and no JavaScript-only part", async () => {
    const html = await render();
    expect(html).toContain("Question <!-- -->1<!-- --> sur <!-- -->2");
    expect(html).toContain("Question <!-- -->2<!-- --> sur <!-- -->2");
    expect(html).not.toMatch(/<li[^>]*hidden/);
    expect(html).toContain('aria-label="Position de : ensuite"');
    expect(html).not.toMatch(/Monter|Question suivante|répondues/);
    expect(html).toContain('action="/modules/exemple#quiz-erreurs"');
  });

  it("after a refusal, keeps the chosen positions and shows the banner with its anchor and a link to the first question to fix", async () => {
    const html = await render({
      values: { [fieldName("o", "0")]: "1", [fieldName("o", "1")]: "1" },
      serverErrors: {
        [fieldName("t")]: "Répondez à cette question.",
        [fieldName("o")]: "Deux éléments ont la même position\u00a0: chaque position ne peut servir qu'une fois.",
      },
      formError: "Certaines questions n'ont pas de réponse. Deux éléments ont la même position.",
    });
    expect(html).toMatch(/id="quiz-erreurs"[^>]*role="alert"/);
    expect(html).toContain('href="#question-t"');
    expect(html).toContain('id="question-o"');
    expect(html).toContain("Deux éléments ont la même position\u00a0: chaque position");
    expect(html.match(/<option value="1" selected="">/g)).toHaveLength(2);
  });
});
