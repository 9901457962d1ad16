import { sm3 } from 'sm-crypto-v2';

/**
 * 告知承诺制: the hash of a guide version's commitment text, which the applicant's confirmation carries
 * and the case records. SM3 (GB/T 32905), the national hash the product's signatures already use, over
 * the text's UTF-8 bytes exactly as the guide publishes it; lower-case hex, 64 characters.
 */
export const COMMITMENT_HASH_ALGORITHM = 'SM3' as const;

export function commitmentTextHash(text: string): string {
  // The library encodes a string as UTF-8 itself (no TextEncoder, which older weapp base libraries lack).
  return sm3(text);
}


/** The confirmation the form asks for, before the text. */
export const COMMITMENT_CONFIRMATION = '本人已阅读并承诺：所作承诺真实有效，愿意承担承诺不实的法律责任';
