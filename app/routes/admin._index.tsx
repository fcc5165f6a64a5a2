// « Administration » (admin only): the journal and the erasure requests waiting for a decision.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listErasureRequests } from "~/models/account-lifecycle.server";
import { requireRole } from "~/models/permissions.server";

export const meta: MetaFunction = () => [{ title: "Administration — Pivot" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { erasures: (await listErasureRequests()).length };
}

export default function Administration() {
  const { erasures } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Administration</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="card space-y-2">
          <h2 className="text-xl font-bold">
            <Link to="/admin/journal">Journal des actions</Link>
          </h2>
          <p>Connexions, blocages, comptes, validations, certificats, exports et suppressions : qui, quand, sur qui, depuis où.</p>
        </li>
        <li className="card space-y-2">
          <h2 className="text-xl font-bold">
            <Link to="/admin/suppressions">Demandes de suppression de compte</Link>
          </h2>
          <p data-erasure-count>
            {erasures === 0 ? "Aucune demande en attente." : erasures === 1 ? "1 demande en attente." : `${erasures} demandes en attente.`}
          </p>
        </li>
      </ul>
    </div>
  );
}
