import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidCreditCode } from '@ah-tourism/shared';
import { walletKey, type LicenceWallet } from '../../functions/src/licences/wallet';
import { DEFAULT_DATA_DIR } from './catalog-data';

/**
 * The licence wallets of a few example enterprises (`data/licences.json`), standing in locally for
 * the provincial e-licence service. Checked on load: valid credit codes, dates, statuses.
 */
export function loadLicenceWallets(dataDir: string = DEFAULT_DATA_DIR): LicenceWallet[] {
  const wallets = JSON.parse(readFileSync(path.join(dataDir, 'licences.json'), 'utf8')) as LicenceWallet[];
  const problems = wallets.flatMap((wallet, index) => [
    ...(isValidCreditCode(wallet.holderCreditCode) ? [] : [`licences.json[${index}]: 统一社会信用代码 ${wallet.holderCreditCode} 校验不通过`]),
    ...wallet.licences.flatMap((licence, j) =>
      /^\d{4}-\d{2}-\d{2}$/.test(licence.validUntil) && ['valid', 'revoked', 'suspended'].includes(licence.status)
        ? []
        : [`licences.json[${index}].licences[${j}]: 有效期或状态不正确`],
    ),
  ]);
  if (problems.length) throw new Error(problems.join('\n'));
  return wallets;
}

export const walletRecords = (wallets: LicenceWallet[]) => wallets.map((wallet) => ({ ...walletKey(wallet.holderCreditCode), entity: 'LicenceWallet', wallet }));
