// Schema of the 'stats' area.
export {};
