import { notFound } from "~/models/permissions.server";

// Any unknown URL: a French 404 page rendered by the root error boundary.
export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
