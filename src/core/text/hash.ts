// Content hashes in the `sha256:<hex>` form used for document ids.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A `sha256:<hex>` digest of some bytes. */
export function sha256Id(bytes: Uint8Array): string {
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

/** A `sha256:<hex>` digest of a string's UTF-8 encoding: a document id from its normalised text. */
export function textId(text: string): string {
  return sha256Id(new TextEncoder().encode(text));
}
