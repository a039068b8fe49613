import type { AuditStrings } from './en';

export const fr: AuditStrings = {
  title: 'Journal d’audit',
  intro:
    'Chaque connexion, chaque refus, chaque consultation ou modification de données personnelles, du plus récent au plus ancien. Les entrées ne contiennent aucune donnée personnelle et ne peuvent pas être modifiées.',
  filters: {
    title: 'Filtres',
    actorId: 'Identifiant de l’utilisateur',
    entity: 'Entité',
    entityPlaceholder: 'par exemple person, user, case',
    entityId: 'Identifiant de l’enregistrement',
    action: 'Action',
    actionPlaceholder: 'par exemple auth.login, person.read',
    from: 'Du',
    to: 'Au',
    apply: 'Appliquer les filtres',
    clear: 'Effacer les filtres',
  },
  columns: {
    seq: 'N°',
    at: 'Date et heure',
    actor: 'Utilisateur',
    action: 'Action',
    entity: 'Entité',
    entityId: 'Enregistrement',
    purpose: 'Finalité',
    details: 'Détails',
    requestId: 'Requête',
  },
  system: 'Système',
  filterByActor: 'N’afficher que les entrées de cet utilisateur',
  empty: 'Aucune entrée ne correspond à ces filtres. Élargissez les dates ou effacez les filtres.',
  shown: 'Entrées affichées : {{count}}',
  errors: {
    validation_failed: 'Certains filtres ne sont pas valides.',
  },
};
