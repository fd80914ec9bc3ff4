// Schema of the 'rdv' area.
export {};
