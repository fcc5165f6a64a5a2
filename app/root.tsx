import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { HeaderSearch } from "~/components/header-search";
import { getOptionalUser, sectionsFor } from "~/models/permissions.server";
import { hasDemoAccounts } from "~/models/user.server";
import { ROLE_LABELS } from "~/utils/auth.server";
import { useNonce } from "~/utils/nonce";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Pivot — formation des secrétaires médicales" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, demo] = await Promise.all([getOptionalUser(request), hasDemoAccounts()]);
  return { demo, user: user ? { name: user.name, roleLabel: ROLE_LABELS[user.role], sections: sectionsFor(user) } : null };
}

type RootData = Awaited<ReturnType<typeof loader>>;

type HeaderUser = NonNullable<RootData["user"]>;

/** The sections she may open; laid out in a row on a wide screen, in a column in the phone menu. */
function NavLinks({ user, column = false }: { user: HeaderUser; column?: boolean }) {
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-2 font-semibold no-underline ${isActive ? "bg-white text-brand-900" : "text-white hover:bg-brand-800 hover:text-white"}`;
  const links: [string, string, boolean][] = [
    ["/", "Tableau de bord", true],
    ["/parcours", "Mon parcours", user.sections.path],
    ["/blocs", "Blocs", true],
    ["/certification", "Certification", user.sections.certification],
    ["/revisions", "Révisions", true],
    ["/actualisation", "Actualisation", user.sections.updates],
    ["/fiches-reflexes", "Fiches réflexes", true],
    ["/glossaire", "Glossaire", true],
    ["/tutorat", "Tutorat", user.sections.tutoring],
    ["/equipe", "Équipe", user.sections.team],
    ["/admin", "Administration", user.sections.admin],
  ];
  return (
    <ul className={column ? "flex flex-col gap-1" : "flex flex-wrap gap-1"}>
      {links
        .filter(([, , shown]) => shown)
        .map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end={to === "/"} className={navClass}>
              {label}
            </NavLink>
          </li>
        ))}
    </ul>
  );
}

function Account({ user }: { user: HeaderUser }) {
  return (
    <div className="flex items-center gap-3">
      <p className="text-sm leading-tight">
        <Link to="/mon-compte" className="block font-semibold text-white hover:text-white">
          {user.name}
        </Link>
        <span className="block text-brand-100">{user.roleLabel}</span>
      </p>
      <Form method="post" action="/deconnexion">
        <button type="submit" className="rounded border border-white px-3 py-2 text-sm font-semibold hover:bg-brand-800">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}

/**
 * On a phone, one compact line (the name of the site and a « Menu » button) instead of a header that took
 * 40 % of a 390 px screen. The menu is a <details>: it opens without JavaScript; with it, it closes after
 * each navigation and on Escape.
 */
function PhoneMenu({ user, ownSearch }: { user: HeaderUser; ownSearch: boolean }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location]);
  return (
    // Escape closes the menu from anywhere inside it; the keys themselves belong to its summary and links.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details
      ref={menu}
      className="group ml-auto md:hidden"
      onKeyDown={(e) => {
        if (e.key === "Escape" && menu.current?.open) {
          menu.current.open = false;
          menu.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="flex min-h-[44px] cursor-pointer list-none items-center gap-2 rounded border border-white px-3 py-2 font-semibold [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true">☰</span> Menu
      </summary>
      <div className="absolute inset-x-0 top-full z-40 space-y-4 bg-brand-700 px-4 pb-4 pt-2 shadow-lg">
        <nav aria-label="Navigation principale">
          <NavLinks user={user} column />
        </nav>
        {ownSearch ? null : <HeaderSearch id="recherche-menu" />}
        <Account user={user} />
      </div>
    </details>
  );
}

function Header() {
  const data = useRouteLoaderData<RootData>("root");
  const user = data?.user;
  // A page with its own search field (/recherche) does not get a second one in the header.
  const ownSearch = useMatches().some((m) => (m.handle as { ownSearch?: boolean } | undefined)?.ownSearch);
  return (
    <header className="relative bg-brand-700 text-white print:hidden">
      {data?.demo ? (
        <p role="note" className="bg-amber-100 px-4 py-1 text-center text-xs font-semibold text-amber-950 md:text-sm">
          Base de démonstration : comptes et données fictifs. N'y saisissez aucune donnée réelle.
        </p>
      ) : null}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 md:py-3">
        <Link to="/" className="text-2xl font-bold tracking-tight text-white no-underline hover:text-white">
          Pivot
        </Link>
        {user ? (
          <>
            <nav aria-label="Navigation principale" className="hidden md:block">
              <NavLinks user={user} />
            </nav>
            {ownSearch ? null : (
              <div className="hidden md:block">
                <HeaderSearch id="recherche" />
              </div>
            )}
            <div className="ml-auto hidden md:block">
              <Account user={user} />
            </div>
            <PhoneMenu user={user} ownSearch={ownSearch} />
          </>
        ) : null}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3">
          Aller au contenu
        </a>
        <Header />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-4 text-center text-sm text-slate-600 print:hidden">
          Pivot — parcours d'intégration et formation continue des secrétaires médicales. Données de formation uniquement, aucune donnée de patient.{" "}
          <Link to="/confidentialite">Confidentialité et données personnelles</Link>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * After a navigation to `#id` (a quiz result, a new draw, a positioning outcome), the focus goes to that
 * target when it is marked `data-focus-on-arrival`, so a screen reader reads it and Tab continues from it.
 */
function useFocusOnArrival() {
  const location = useLocation();
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target?.hasAttribute("data-focus-on-arrival")) target.focus();
  }, [location.key, location.hash]);
}

export default function App() {
  useFocusOnArrival();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Une erreur est survenue";
  let message = "Le problème vient de notre côté. Réessayez dans un instant ; s'il persiste, prévenez l'administration de la plateforme.";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 403) {
      title = "Accès refusé";
      message = typeof error.data === "string" && error.data ? error.data : "Cette page n'est pas accessible avec votre profil.";
    } else if (error.status === 404) {
      title = "Page introuvable";
      message = typeof error.data === "string" && error.data ? error.data : "Cette page n'existe pas ou a été déplacée.";
    } else if (error.status < 500) {
      title = "Demande incorrecte";
      message = typeof error.data === "string" && error.data ? error.data : "La demande n'a pas pu être traitée.";
    }
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="erreur-titre">
      <p className="text-sm font-semibold text-slate-600">Erreur {status}</p>
      <h1 id="erreur-titre" className="mt-1 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-3">{message}</p>
      <p className="mt-5">
        <Link to="/" className="btn-primary">
          Revenir au tableau de bord
        </Link>
      </p>
    </section>
  );
}
