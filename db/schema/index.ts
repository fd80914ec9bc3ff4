export * from './territoire';
export * from './auth';
export * from './offre';
export * from './demande';
export * from './systeme';
export * from './rdv';
export * from './stats';
