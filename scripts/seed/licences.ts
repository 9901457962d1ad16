import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidCreditCode, isValidResidentId } from '@ah-tourism/shared';
import { DEFAULT_DATA_DIR } from './catalog-data';

/** One holder's licences as the provincial e-licence service stand-in serves them. */
export interface StandInHolder {
  holderCreditCode?: string;
  holderIdNumber?: string;
  holderName: string;
  licences: { name: string; number: string; issuer: string; validUntil?: string; status: 'valid' | 'revoked' | 'suspended' | 'cancelled' }[];
}

/**
 * The data of the local stand-in for the provincial e-licence service (`data/licences.json`): a few
 * enterprises (by credit code) and persons (by ID number) and the licences other authorities issued
 * them. Only the stand-in reads it (scripts/local/licence-service-standin.ts); nothing of it is in the
 * table. Checked on load: valid codes, dates, statuses.
 */
export function loadStandInLicences(dataDir: string = DEFAULT_DATA_DIR): StandInHolder[] {
  const holders = JSON.parse(readFileSync(path.join(dataDir, 'licences.json'), 'utf8')) as StandInHolder[];
  const problems = holders.flatMap((holder, index) => [
    ...(holder.holderCreditCode
      ? isValidCreditCode(holder.holderCreditCode)
        ? []
        : [`licences.json[${index}]: 统一社会信用代码 ${holder.holderCreditCode} 校验不通过`]
      : holder.holderIdNumber && isValidResidentId(holder.holderIdNumber)
        ? []
        : [`licences.json[${index}]: 缺少有效的统一社会信用代码或身份证号码`]),
    ...holder.licences.flatMap((licence, j) =>
      (licence.validUntil === undefined || /^\d{4}-\d{2}-\d{2}$/.test(licence.validUntil)) && ['valid', 'revoked', 'suspended', 'cancelled'].includes(licence.status)
        ? []
        : [`licences.json[${index}].licences[${j}]: 有效期或状态不正确`],
    ),
  ]);
  if (problems.length) throw new Error(problems.join('\n'));
  return holders;
}
