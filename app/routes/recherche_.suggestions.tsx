// Suggestions for the header's search box, fetched as she types (with JavaScript); without it, the box
// simply opens /recherche.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireUser } from "~/models/permissions.server";
import { suggest } from "~/models/search.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return data({ q, suggestions: await suggest(q) }, { headers: { "Cache-Control": "private, max-age=60" } });
}
