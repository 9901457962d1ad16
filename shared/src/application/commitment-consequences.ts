/** What staff may record as the consequence of a false commitment (承诺不实), by the rules of 告知承诺制. */
export const COMMITMENT_CONSEQUENCES = {
  revoke_licence: '撤销许可',
  order_rectification: '责令限期整改',
  credit_record: '纳入信用记录',
} as const;
export type CommitmentConsequence = keyof typeof COMMITMENT_CONSEQUENCES;
export const COMMITMENT_CONSEQUENCE_KEYS = Object.keys(COMMITMENT_CONSEQUENCES) as [CommitmentConsequence, ...CommitmentConsequence[]];
