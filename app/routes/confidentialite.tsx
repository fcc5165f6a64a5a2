// The privacy notice (RGPD information): public, static, readable signed in or not. No loader, no action.
import type { MetaFunction } from "@remix-run/node";
import { Section } from "~/components/section";

export const meta: MetaFunction = () => [{ title: "Confidentialité et données personnelles — Pivot" }];

export default function Confidentialite() {
  return (
    <div className="mx-auto max-w-3xl space-y-8 leading-relaxed">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Confidentialité et données personnelles</h1>
        <p className="text-lg text-slate-700">
          Cette page explique quelles informations Pivot enregistre sur vous, pourquoi, qui peut les voir, combien de temps elles sont gardées et quels sont vos
          droits.
        </p>
      </header>

      <p role="note" className="card border-l-4 border-l-emerald-700 font-semibold">
        Pivot ne contient aucune donnée de patient. C'est un outil de formation : il n'enregistre que des informations sur votre parcours professionnel.
      </p>

      <Section id="donnees" title="Les informations enregistrées">
        <h3 className="text-xl font-semibold">Votre compte</h3>
        <ul className="list-disc space-y-1 pl-6">
          <li>vos nom et prénom ;</li>
          <li>votre adresse e-mail professionnelle ;</li>
          <li>votre rôle dans Pivot (en formation, tutorat, encadrement ou administration) ;</li>
          <li>votre service ;</li>
          <li>votre date d'arrivée dans l'établissement.</li>
        </ul>
        <h3 className="text-xl font-semibold">Votre formation</h3>
        <ul className="list-disc space-y-1 pl-6">
          <li>les étapes de votre parcours d'intégration et les commentaires qui les accompagnent ;</li>
          <li>vos tentatives aux quiz et les réponses données ;</li>
          <li>votre progression dans les modules ;</li>
          <li>les observations de votre tuteur ou tutrice et les points d'étape ;</li>
          <li>votre rapport d'étonnement et votre bilan d'intégration ;</li>
          <li>vos certificats ;</li>
          <li>vos cartes de révision.</li>
        </ul>
        <h3 className="text-xl font-semibold">La sécurité de votre compte</h3>
        <ul className="list-disc space-y-1 pl-6">
          <li>vos sessions de connexion, avec l'appareil utilisé et la date de dernière utilisation ;</li>
          <li>les tentatives de connexion, avec l'adresse réseau (adresse IP) d'où elles viennent ;</li>
          <li>
            un journal des actions sensibles : connexions et blocages, création et désactivation des comptes, validations, certificats délivrés ou révoqués,
            exports et suppressions (qui, quand, sur qui, depuis quelle adresse).
          </li>
        </ul>
      </Section>

      <Section id="patients" title="Jamais de données de patient">
        <p>
          Pivot n'est pas un dossier patient. N'y saisissez jamais le nom, la date de naissance ou le numéro de sécurité sociale d'un patient, même pour
          illustrer un exemple. Les champs de texte libre refusent les numéros de sécurité sociale.
        </p>
      </Section>

      <Section id="pourquoi" title="Pourquoi ces informations sont enregistrées">
        <p>
          Ces informations servent à organiser votre intégration et votre formation : suivre votre parcours, vous proposer les bons modules et révisions,
          permettre à votre tuteur ou tutrice et à votre cadre de vous accompagner, et délivrer vos certificats.
        </p>
        <p>
          Elles sont traitées dans le cadre de la mission de formation et d'intégration de l'établissement, qui vous emploie. Les informations de sécurité
          servent uniquement à protéger votre compte et la plateforme.
        </p>
      </Section>

      <Section id="qui" title="Qui peut voir vos informations">
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Vous-même</strong> : toutes les informations de votre formation.
          </li>
          <li>
            <strong>Votre tuteur ou tutrice</strong> : votre parcours d'intégration et ses observations.
          </li>
          <li>
            <strong>Le ou la cadre de votre service</strong> : le suivi de la formation des personnes de son service.
          </li>
          <li>
            <strong>Les administrateurs de la plateforme</strong> : pour gérer les comptes et les certificats ; eux seuls consultent le journal des actions
            sensibles.
          </li>
        </ul>
        <p>Personne d'autre n'a accès à vos informations.</p>
        <p>
          Seule exception, que vous choisissez : la page publique de vérification d'un certificat, dont vous pouvez transmettre le lien à un employeur. Elle
          n'affiche que votre nom, l'intitulé du certificat, son niveau, ses dates et son état (valide, expiré, révoqué ou renouvelé).
        </p>
      </Section>

      <Section id="duree" title="Combien de temps elles sont gardées">
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Compte et formation</strong> : tant que votre compte existe. Quand vous quittez l'établissement, votre cadre désactive votre compte (vous ne
            pouvez plus vous connecter, votre historique est gardé) ; à votre demande, il est ensuite rendu anonyme.
          </li>
          <li>
            <strong>Tentatives de connexion et sessions expirées</strong> : supprimées au bout de 90 jours.
          </li>
          <li>
            <strong>Journal des actions sensibles</strong> : conservé 1 an.
          </li>
          <li>
            <strong>Certificats</strong> : conservés pendant leur durée de validité, pour que leur vérification publique reste possible, puis selon les règles
            fixées par l'établissement.
          </li>
        </ul>
      </Section>

      <Section id="droits" title="Vos droits">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Consulter et récupérer vos données</strong> : dans « Mon compte », « Voir le résumé de mes données » les présente en clair, et « Exporter
            mes données » les télécharge toutes dans un fichier.
          </li>
          <li>
            <strong>Faire corriger une information inexacte</strong> : adressez-vous au ou à la cadre de votre service.
          </li>
          <li>
            <strong>Demander l'effacement</strong> : dans « Mon compte », « Supprimer mon compte ». Vous pouvez annuler tant qu'un administrateur de la
            plateforme ne l'a pas confirmée. Votre nom, votre adresse et les textes vous concernant sont alors effacés ; vos résultats ne restent que sous forme
            anonyme, et vos certificats restent vérifiables par leur code, sans votre nom.
          </li>
          <li>
            <strong>Demander la limitation d'un traitement ou vous y opposer</strong>, pour un motif tenant à votre situation.
          </li>
        </ul>
        <p>
          Pour toute question ou pour exercer ces droits, vous pouvez contacter le ou la délégué(e) à la protection des données (DPO) de votre établissement.
        </p>
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission nationale de l'informatique et des
          libertés) :{" "}
          <a href="https://www.cnil.fr" rel="noopener noreferrer">
            www.cnil.fr
          </a>
          .
        </p>
      </Section>

      <Section id="securite" title="Comment vos informations sont protégées">
        <ul className="list-disc space-y-1 pl-6">
          <li>les échanges avec Pivot sont chiffrés (HTTPS) ;</li>
          <li>les mots de passe ne sont jamais enregistrés en clair : seule une empreinte irréversible (« hachage ») est conservée ;</li>
          <li>une session se termine d'elle-même après 8 heures d'inactivité, utile sur un poste partagé ;</li>
          <li>chacun n'accède qu'aux informations nécessaires à son rôle.</li>
        </ul>
      </Section>
    </div>
  );
}
