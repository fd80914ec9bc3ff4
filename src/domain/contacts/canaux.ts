/** The channels of a contact as staff read them (a family's demande, the log of contacts with professionals). */
export const LIBELLES_CANAL_CONTACT: Record<string, string> = {
  telephone: 'Téléphone',
  email: 'Courriel',
  sms: 'SMS',
  'accueil-physique': 'Accueil physique',
  visio: 'Visio',
  courrier: 'Courrier',
  rdv: 'Rendez-vous',
};

/** Select options from a label table, after an empty "—" choice. */
export const optionsAvecVide = (libelles: Record<string, string>): { value: string; label: string }[] => [
  { value: '', label: '—' },
  ...Object.entries(libelles).map(([value, label]) => ({ value, label })),
];
