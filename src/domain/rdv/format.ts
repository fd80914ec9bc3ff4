/** Dates and times of RDVs in the reader's language: the formatters live in the time module. */
export { courtSms, heure, jourLong, localeDe } from '../temps';
