// The quiz form for the server's render only: the browser bundle gets an empty module in its place and
// loads the form on demand (see DeferredQuizForm in ./quiz-section).
export { QuizForm } from "./quiz-form";
