/** A licence as the wallet (wallet.ts) holds it, from either source, and whose wallet it is. */
export interface HeldLicence {
  name: string;
  number: string;
  issuer: string;
  /** Absent when the licence is long-term (长期有效). */
  validUntil?: string;
  status: 'valid' | 'revoked' | 'suspended' | 'cancelled';
  /** Where the wallet found it: issued by this system, or the provincial e-licence service. */
  source: 'issued' | 'provincial';
  /** This system's licence id, for a licence it issued. */
  licenceId?: string;
}

/** Whose wallet: an enterprise by credit code; a person by ID number, and by user id when applying for themselves. */
export type WalletHolder = { kind: 'enterprise'; creditCode: string } | { kind: 'person'; idNumber: string; userId?: string };
