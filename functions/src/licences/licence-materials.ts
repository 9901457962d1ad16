import type { ImplementationItem, LicenceMaterials, LicenceMaterialsQuery } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { AppError } from '../platform/errors';
import { licenceStanding, unusableMessage, type LicenceWallet, type WalletHolder } from './wallet';

export interface LicenceMaterialsDeps {
  guide: (implementationCode: string) => Promise<ImplementationItem | undefined>;
  wallets: (holder: WalletHolder) => Promise<LicenceWallet>;
  now?: () => Date;
}

/**
 * What the apply page shows under each 免提交 material: the licence the wallet holds for it, the same
 * resolution submission makes (materials.ts), so what the form shows is what the case will record.
 * Only materials an applicant applying themselves takes from a licence: the form asks for the wallet
 * of the enterprise (any agent may look: the licences of an enterprise are public in its registries)
 * or of the caller as a person.
 */
export function licenceMaterials(deps: LicenceMaterialsDeps) {
  const now = deps.now ?? (() => new Date());
  return async (userId: string, query: LicenceMaterialsQuery): Promise<LicenceMaterials> => {
    const item = await deps.guide(query.implementationCode);
    if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
    // materialRequirement's 'from_licence', without bundling the application schemas it lives with.
    const wanted = item.guide.materials.filter((material) => material.source === 'issued_licence');
    if (!wanted.length) return { materials: [], complete: true };
    const holder: WalletHolder = query.creditCode ? { kind: 'enterprise', creditCode: query.creditCode } : { kind: 'person', idNumber: query.idNumber!, userId };
    const wallet = await deps.wallets(holder);
    const today = cstDay(now());
    const materials = wanted.map((material) => {
      const licenceName = material.licenceName ?? material.name;
      const standing = licenceStanding(wallet, licenceName, today);
      const base = { materialId: material.id, name: material.name, licenceName };
      if (!standing) {
        return { ...base, usable: false, message: wallet.complete ? `电子证照库中未查到${licenceName}，提交后由工作人员核验` : `暂时无法访问省电子证照库，${licenceName}提交后由工作人员核验` };
      }
      const { name, number, issuer, validUntil, status, source } = standing.licence;
      const found = { name, number, issuer, ...(validUntil ? { validUntil } : {}), status, source };
      if (!standing.usable) return { ...base, found, usable: false, message: unusableMessage(standing.licence, standing.problem) };
      return { ...base, found, usable: true, message: `由电子证照获取：${name} ${number}（${validUntil ? `有效期至${validUntil}` : '长期有效'}）` };
    });
    return { materials, complete: wallet.complete };
  };
}
