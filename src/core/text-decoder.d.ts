// The WHATWG Encoding API is present in every host Crosscheck runs in (Node, Chromium, Electron),
// but it is not part of the ECMAScript library that src/core compiles against; declare the part we use.
declare interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
