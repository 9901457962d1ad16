import { statusToday } from '@ah-tourism/shared/src/licences/registry-text';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { parameter } from '../platform/parameters';
import { licencesOfHolders } from './holder-licences';
import type { LicenceState } from './issued-licences';
import type { HeldLicence, WalletHolder } from './held-licence';
import { enterpriseHolder, personHolder } from './keys';
import { provincialLicenceService, type ProvincialLicences } from './provincial-licences';

/**
 * The licences a holder holds (电子证照), as an application's materials and smart approval read them:
 * those this system issued (its own `LIC#…/STATE` rows, by holder) merged with those the provincial
 * e-licence service knows of (provincial-licences.ts). The provincial service may fail or be slow;
 * the wallet then holds this system's licences only and says it is incomplete, so a material it
 * cannot confirm stays `awaiting_wallet` for staff to check rather than failing the application.
 */
export type { HeldLicence, WalletHolder };

export interface LicenceWallet {
  licences: HeldLicence[];
  /** False when the provincial service did not answer (or is not configured): a licence not found may still exist. */
  complete: boolean;
}

/** A licence of this system as the wallet holds it. */
export function heldFromState(state: LicenceState): HeldLicence {
  return {
    name: state.current.typeName,
    number: state.number,
    issuer: state.current.issuer.name,
    ...(state.current.validUntil ? { validUntil: state.current.validUntil } : {}),
    status: state.status,
    source: 'issued',
    licenceId: state.licenceId,
  };
}

/**
 * One wallet of both sources. The provincial service aggregates every authority's licences, this
 * system's included once they are reported to it, so a number both know is kept once, as this system
 * has it (its state is the current one). The provincial ones come first: they are the licences other
 * authorities issued, and the order only decides which of two valid licences of one name is used.
 */
export function mergeWallet(issued: LicenceState[], provincial: HeldLicence[] | undefined): LicenceWallet {
  const own = issued.map(heldFromState);
  const ownNumbers = new Map(own.map((licence) => [licence.number, licence]));
  const fromProvince = (provincial ?? []).map((licence) => ownNumbers.get(licence.number) ?? licence);
  const seen = new Set(fromProvince.map((licence) => licence.number));
  return { licences: [...fromProvince, ...own.filter((licence) => !seen.has(licence.number))], complete: provincial !== undefined };
}

let service: ProvincialLicences | null | undefined;
/** The provincial service as configured, or null when this stage has none. */
function provincial(): ProvincialLicences | null {
  if (service === undefined) {
    const { baseUrl, appId, localAppSecret } = config().licenceService;
    service = baseUrl ? provincialLicenceService({ baseUrl, appId, secret: () => parameter('licence-service-secret', localAppSecret) }) : null;
  }
  return service;
}

const holderKeys = (holder: WalletHolder) =>
  holder.kind === 'enterprise' ? [enterpriseHolder(holder.creditCode)] : holder.userId ? [personHolder(holder.userId)] : [];

export async function walletOf(holder: WalletHolder, source: ProvincialLicences | null = provincial()): Promise<LicenceWallet> {
  const keys = holderKeys(holder);
  const [issued, fromProvince] = await Promise.all([
    keys.length ? licencesOfHolders(keys) : Promise.resolve([]),
    source
      ? source.licencesOf(holder).catch((error: Error) => {
          logger.warn('provincial e-licence service failed; the wallet holds this system’s licences only', { error: error.message });
          return undefined;
        })
      : Promise.resolve(undefined),
  ]);
  return mergeWallet(issued, fromProvince);
}

export type LicenceProblem = 'revoked' | 'suspended' | 'cancelled' | 'expired';

/** What the wallet says of the licence a material names: usable, held but unusable (and why), or not held. */
export type LicenceStanding = { usable: true; licence: HeldLicence } | { usable: false; licence: HeldLicence; problem: LicenceProblem } | undefined;

const problemOf = (licence: HeldLicence, today: string): LicenceProblem | undefined => {
  const status = statusToday(licence.status, licence.validUntil, today);
  return status === 'valid' ? undefined : status;
};

export function licenceStanding(wallet: LicenceWallet | undefined, name: string, today: string): LicenceStanding {
  const named = wallet?.licences.filter((l) => l.name === name) ?? [];
  const usable = named.find((l) => !problemOf(l, today));
  if (usable) return { usable: true, licence: usable };
  const held = named[0];
  return held ? { usable: false, licence: held, problem: problemOf(held, today)! } : undefined;
}

/** A licence of that name the holder holds and may use today. */
export function validLicence(wallet: LicenceWallet | undefined, name: string, today: string): HeldLicence | undefined {
  const standing = licenceStanding(wallet, name, today);
  return standing?.usable ? standing.licence : undefined;
}

const PROBLEM_WORDS: Record<LicenceProblem, string> = { revoked: '已被吊销', suspended: '已被暂停使用', cancelled: '已被注销', expired: '已过期' };

/** What the applicant is told of a licence they hold but may not use. */
export function unusableMessage(licence: HeldLicence, problem: LicenceProblem): string {
  const expiry = problem === 'expired' ? `（有效期至${licence.validUntil}）` : '';
  return `您的${licence.name}（${licence.number}）${PROBLEM_WORDS[problem]}${expiry}，不能作为申请材料`;
}
