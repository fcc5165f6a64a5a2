import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Question } from "~/content/module-schema";
import { OrderingInput } from "~/components/ordering-input";
import { countAnswered, moveItem, orderFromPositions, parseAnswerList } from "~/components/quiz-logic";
import { QuizResult } from "~/components/quiz-result";
import { describeExpected, describeGiven, fieldName, toPublicQuestion } from "~/domain/quiz";
import { frenchTypography } from "~/utils/typography";

const matching: Question = {
  id: "p",
  type: "matching",
  competency: "c",
  prompt: "P",
  explanation: "E",
  pairs: [
    { id: "x", left: "Personne de confiance", right: "Désignée par écrit ; consultée" },
    { id: "y", left: "2", right: "deux" },
  ],
};
const ordering: Question = {
  id: "o",
  type: "ordering",
  competency: "c",
  prompt: "P",
  explanation: "E",
  items: [
    { id: "i1", text: "Vérifier ; dater" },
    { id: "i2", text: "ensuite" },
    { id: "i3", text: "enfin" },
  ],
};
const multiple: Question = {
  id: "m",
  type: "multiple",
  competency: "c",
  prompt: "P",
  explanation: "E",
  options: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B", correct: true },
  ],
};
/** Content is typeset when built: a narrow no-break space goes before « ; ». */
const typeset = <Q extends Question>(q: Q): Q => JSON.parse(frenchTypography(JSON.stringify(q))) as Q;

describe("answered counter", () => {
  const qs = [
    toPublicQuestion(multiple, { id: "m", order: ["a", "b"] }),
    toPublicQuestion(ordering, { id: "o", order: ["i2", "i1", "i3"] }),
    toPublicQuestion({ id: "n", type: "numeric", competency: "c", prompt: "P", explanation: "E", answer: 1, tolerance: 0 }, { id: "n" }),
  ];
  it("counts a question only when every part has an answer", () => {
    expect(countAnswered(qs, {})).toBe(0);
    expect(countAnswered(qs, { [fieldName("m")]: ["0"], [fieldName("n")]: "  " })).toBe(1);
    expect(countAnswered(qs, { [fieldName("m")]: "1", [fieldName("o", "0")]: "1", [fieldName("o", "1")]: "2" })).toBe(1);
    expect(
      countAnswered(qs, { [fieldName("m")]: [], [fieldName("o", "0")]: "1", [fieldName("o", "1")]: "2", [fieldName("o", "2")]: "3", [fieldName("n")]: "4" }),
    ).toBe(2);
  });
});

describe("ordering with buttons", () => {
  it("takes over complete positions chosen in the selects, and keeps the presented order otherwise", () => {
    expect(orderFromPositions(["0", "1", "2"], { "0": "3", "1": "1", "2": "2" })).toEqual({ order: ["1", "2", "0"], complete: true });
    expect(orderFromPositions(["0", "1", "2"], {})).toEqual({ order: ["0", "1", "2"], complete: false });
    expect(orderFromPositions(["0", "1", "2"], { "2": "1" })).toEqual({ order: ["2", "0", "1"], complete: false });
    expect(orderFromPositions(["0", "1", "2"], { "0": "1", "1": "1", "2": "2" }).complete).toBe(false);
    expect(orderFromPositions(["0", "1", "2"], { "0": "1", "1": "2", "2": "9" }).complete).toBe(false);
  });
  it("moves an item one step, and not past either end", () => {
    expect(moveItem(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], "b", 1)).toEqual(["a", "c", "b"]);
    const order = ["a", "b", "c"];
    expect(moveItem(order, "a", -1)).toBe(order);
    expect(moveItem(order, "c", 1)).toBe(order);
  });
  it("renders the selects on the server, with the labels a learner without JavaScript uses", () => {
    const q = toPublicQuestion(ordering, { id: "o", order: ["i2", "i1", "i3"] });
    const html = renderToStaticMarkup(createElement(OrderingInput, { q, kept: { "1": "2" }, invalid: false, enhanced: false, onArrange: () => {} }));
    expect(html.match(/<select/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Position de : ensuite"');
    expect(html).toContain(`name="${fieldName("o", "0")}"`);
    expect(html).not.toContain("Monter");
  });
});

describe("result lists", () => {
  it("splits orderings and matchings back into their lines, even with « ; » inside the content", () => {
    const o = typeset(ordering);
    const m = typeset(matching);
    expect(parseAnswerList(describeExpected(o))).toEqual({ kind: "ordering", items: ["Vérifier\u202f; dater", "ensuite", "enfin"] });
    expect(parseAnswerList(describeGiven(o, { type: "ordering", itemIds: ["i2", "i1", "i3"] }))).toEqual({
      kind: "ordering",
      items: ["ensuite", "Vérifier\u202f; dater", "enfin"],
    });
    expect(parseAnswerList(describeGiven(m, { type: "matching", pairs: { x: "y", y: "x" } }))).toEqual({
      kind: "matching",
      pairs: [
        { left: "Personne de confiance", right: "deux" },
        { left: "2", right: "Désignée par écrit\u202f; consultée" },
      ],
    });
  });
  it("leaves any other answer as text", () => {
    expect(parseAnswerList(describeExpected(multiple))).toBeNull();
    expect(parseAnswerList("Sans réponse")).toBeNull();
    expect(parseAnswerList("Vrai")).toBeNull();
  });
  it("shows given and expected orderings as lists, marks the misplaced lines, and keeps the test hooks", () => {
    const o = typeset(ordering);
    const given = describeGiven(o, { type: "ordering", itemIds: ["i2", "i1", "i3"] });
    const html = renderToStaticMarkup(
      createElement(QuizResult, {
        result: {
          id: "r",
          score: 50,
          passed: false,
          correctCount: 1,
          total: 2,
          questions: [
            {
              id: "o",
              case: "Un patient appelle.",
              prompt: "Remettez dans l'ordre",
              correct: false,
              given,
              expected: describeExpected(o),
              explanation: "Parce que.",
              reread: { href: "#accueil", title: "Accueil", moduleTitle: null },
            },
            { id: "t", case: null, prompt: "Vrai ?", correct: true, given: "Vrai", expected: "Vrai", explanation: "Oui.", reread: null },
          ],
        },
        passMark: 80,
        passedMessage: "Bravo",
      }),
    );
    expect(html).not.toContain(" ; ");
    expect(html.match(/<ol class="list-decimal/g)).toHaveLength(2);
    expect(html.match(/Réponse attendue/g)).toHaveLength(1); // only for the wrong question
    expect(html.match(/data-result="incorrect"/g)).toHaveLength(1);
    expect(html.match(/data-result="correct"/g)).toHaveLength(1);
    expect(html).toContain('data-testid="score"');
    expect(html.match(/différent de la réponse attendue/g)).toHaveLength(2); // the first two lines are swapped
    expect(html.indexOf("Un patient appelle.")).toBeLessThan(html.indexOf("Remettez dans l")); // the case above its question
    expect(html.match(/data-reread/g)).toHaveLength(1);
    expect(html).toContain('href="#accueil"');
  });
});
