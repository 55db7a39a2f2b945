// Recognises common non-text file formats by their first bytes, so a refusal can name what the file is.

interface Signature {
  name: string;
  bytes: readonly number[];
  offset?: number;
}

const SIGNATURES: readonly Signature[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a BMP image', bytes: [0x42, 0x4d] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word/ODF document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an XZ archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'an old Word/Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a program (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Windows program', bytes: [0x4d, 0x5a] },
  { name: 'an MP3 audio file', bytes: [0x49, 0x44, 0x33] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

/**
 * Names the binary format a file starts with ("a PNG image"), or undefined when no known
 * signature matches. Only signatures that cannot begin a plain-text file are listed; two-byte
 * ones (BMP "BM", Windows "MZ") count only when a NUL byte follows soon after.
 */
export function recogniseBinaryFormat(bytes: Uint8Array): string | undefined {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (bytes.length < offset + signature.bytes.length) continue;
    let matches = true;
    for (let i = 0; i < signature.bytes.length; i++) {
      if (bytes[offset + i] !== signature.bytes[i]) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    if (signature.bytes.length <= 3 && !hasNulWithin(bytes, 64)) continue;
    return signature.name;
  }
  return undefined;
}

function hasNulWithin(bytes: Uint8Array, limit: number): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
