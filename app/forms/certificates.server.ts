// Schema of the revocation form of a certificate (admin), parsed by the action. A server module.
import { z } from "~/utils/zod";

export const revokeSchema = z.object({
  reason: z.string({ error: "Indiquez le motif de la révocation." }).trim().min(5, "Indiquez le motif de la révocation (5 caractères au moins).").max(500, "Le motif ne doit pas dépasser 500 caractères."),
  confirmation: z.literal("oui", { error: "Cochez la case : la révocation est définitive." }),
});
