import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['metier']> = {
  calcul: {
    titre: 'Calcular el salario mensual de una cuidadora infantil (assistant maternel)',
    intro:
      'Indique el salario por hora, las horas de cuidado por semana y, en año incompleto, el número de semanas de cuidado al año. El cálculo sigue el convenio colectivo francés de particulares empleadores y empleo a domicilio.',
    type: 'Cuidado durante el año',
    types: {
      complete: 'Año completo: el niño es cuidado 52 semanas al año (vacaciones de la cuidadora incluidas)',
      incomplete: 'Año incompleto: el niño es cuidado 46 semanas al año o menos',
    },
    salaire: 'Salario por hora, en euros',
    salaireAide: 'Bruto o neto: el resultado será del mismo tipo. Ejemplo: 4,20',
    heures: 'Horas de cuidado por semana',
    heuresAide: 'Ejemplo: 40 o 37,5. Como máximo 45 horas: a partir de ahí, las horas se pagan más caras, según el contrato.',
    semaines: 'Semanas de cuidado al año',
    semainesAide: 'Solo para el año incompleto: de 1 a 46 semanas.',
    calculer: 'Calcular',
    resultat: 'Resultado',
    mensuel: 'Salario mensual: {montant}',
    formule: 'Cálculo: {salaire} × {heures} horas × {semaines} semanas ÷ 12 meses',
    heuresMois: 'Horas pagadas cada mes: {heures}',
    congesInclus: 'Las vacaciones pagadas están incluidas en este salario.',
    congesEnPlus:
      'Las vacaciones pagadas se pagan aparte. Estimación para un año: {montant} (una décima parte de los salarios del año). Si la cuidadora gana más manteniendo su salario durante las vacaciones, se debe ese importe.',
    congesOptions: 'Según el contrato, se pagan de una vez en junio, en el momento de las vacaciones o por doceavas partes: {douzieme} más cada mes.',
    finContrat: 'Al final del contrato, si la cuidadora trabajó más horas que las pagadas, se le paga la diferencia: es la regularización.',
    indemnites: 'A este salario se añaden las indemnizaciones de mantenimiento y, si corresponde, las comidas y los desplazamientos.',
    avertissement: 'Este cálculo es una estimación. El Relais Petite Enfance puede comprobarlo con usted.',
    source: 'Fuente: convenio colectivo nacional francés de particulares empleadores y empleo a domicilio (IDCC 3239), artículos 102 y 108.',
    erreurs: {
      type: 'Elija año completo o año incompleto.',
      salaire: 'Indique un salario por hora en euros, por ejemplo 4,20.',
      heures: 'Indique un número de horas por semana entre 1 y 45.',
      semaines: 'En año incompleto, indique un número de semanas entre 1 y 46. Para 52 semanas, elija el año completo.',
    },
  },
  evenements: {
    titre: 'Descubrir la profesión de cuidadora infantil: próximas citas',
    intro:
      'El Relais Petite Enfance organiza encuentros para descubrir la profesión: job-dating entre padres y cuidadoras, reuniones informativas, jornadas de puertas abiertas. La inscripción es gratuita.',
    aucun: 'No hay ninguna cita prevista por ahora. Vuelva pronto o llame al relais.',
    prochains: 'Próximas citas',
    tous: 'Todas las citas',
    quand: '{jour}, de {debut} a {fin}',
    ou: 'Lugar: {lieu}',
    places: 'Plazas libres: {n}',
    complet: 'Completo',
    voir: 'Ver e inscribirse: {titre}',
    inscriptionTitre: 'Inscribirse',
    nom: 'Nombre y apellidos',
    email: 'Correo electrónico',
    telephone: 'Teléfono',
    consentementLegende: 'Sus datos',
    consentement: 'Acepto que el relais conserve mi nombre y mis datos de contacto para organizar esta cita. Se borran {mois} meses después.',
    valider: 'Inscribirme',
    inscrit: 'Hecho: está inscrito. ¡Hasta pronto!',
    dejaInscrit: 'Este correo electrónico ya está inscrito en esta cita.',
    plusDePlace: 'Ya no quedan plazas. Mire las otras citas.',
    introuvable: 'Esta cita ya no admite inscripciones.',
    types: {
      'job-dating': 'Job-dating «assmat dating»',
      'reunion-information': 'Reunión informativa sobre la profesión',
      journee: 'Jornada de descubrimiento de la profesión',
      autre: 'Encuentro',
    },
    erreurs: {
      nom: 'Indique su nombre y apellidos.',
      email: 'Indique un correo electrónico válido, por ejemplo nombre@ejemplo.es.',
      telephone: 'Indique un número de teléfono francés, por ejemplo 06 12 34 56 78, o déjelo vacío.',
      consentement: 'Marque la casilla para aceptar que el relais conserve sus datos para esta cita.',
    },
  },
};
export default d;
