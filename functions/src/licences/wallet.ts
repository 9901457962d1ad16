import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';

/**
 * The licences an enterprise holds (电子证照), by the holder's credit code. In production this is the
 * provincial e-licence service; here its records are loaded with the seed data (`data/licences.json`)
 * under `LICENCE#<credit code> / WALLET`, so materials "由电子证照获取" can really be resolved.
 */
export interface HeldLicence {
  name: string;
  number: string;
  issuer: string;
  validUntil: string;
  status: 'valid' | 'revoked' | 'suspended';
}

export interface LicenceWallet {
  holderCreditCode: string;
  holderName: string;
  licences: HeldLicence[];
}

export const walletKey = (creditCode: string) => ({ pk: `LICENCE#${creditCode}`, sk: 'WALLET' });

export async function walletOf(creditCode: string): Promise<LicenceWallet | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: walletKey(creditCode) }));
  return Item?.wallet as LicenceWallet | undefined;
}

/** A licence of that name the holder holds and may use today. */
export function validLicence(wallet: LicenceWallet | undefined, name: string, today: string): HeldLicence | undefined {
  return wallet?.licences.find((l) => l.name === name && l.status === 'valid' && l.validUntil >= today);
}
