/** The app icon as PNG bytes. */
export function iconPng(): Buffer;
