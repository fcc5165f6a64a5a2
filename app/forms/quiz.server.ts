// The intents of a quiz form, shared by every page with a quiz (module, block assessment, positioning test,
// update and renewal quizzes). A server module: only the actions parse them.
import { z } from "~/utils/zod";

/** Start a draw, or send the answers to one. */
export const QUIZ_INTENTS = [z.object({ intent: z.literal("commencer") }), z.object({ intent: z.literal("envoyer"), attemptId: z.string().min(1).max(100) })] as const;

/** A module's page: mark it read, or the quiz intents. */
export const moduleIntentSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("lu") }), ...QUIZ_INTENTS]);
