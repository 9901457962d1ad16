import { cstDay, type ImplementationItem } from '@ah-tourism/shared';
import type { MaterialRecord, RuleResult, SmartApproval } from './records';
import { validLicence, type LicenceWallet } from '../licences/wallet';

/** The licence each `licence_valid` kind stands for, as the guides name it. */
const LICENCE_NAMES = { travel_agency: '旅行社业务经营许可证' } as const;

/** Whether the item's rules check a licence, so its applicant's wallet must be read. */
export const checksLicences = (item: ImplementationItem) => item.guide.approvalRules?.some((rule) => rule.kind === 'licence_valid') ?? false;

/**
 * Checks an item's declarative approval rules against an application. All pass: the system accepts
 * and approves at once; any fails: a person handles the case, shown which rule failed and why.
 */
export function evaluateRules(input: {
  item: ImplementationItem;
  fields: Record<string, unknown>;
  wallet: LicenceWallet | undefined;
  materials: MaterialRecord[];
  regionName: string;
  now: Date;
}): SmartApproval | undefined {
  const rules = input.item.guide.approvalRules;
  if (!rules?.length) return undefined;
  const today = cstDay(input.now);
  const results = rules.map((rule): RuleResult => {
    switch (rule.kind) {
      case 'licence_valid': {
        const licence = validLicence(input.wallet, LICENCE_NAMES[rule.licence], today);
        return {
          kind: rule.kind,
          label: rule.label,
          passed: !!licence,
          detail: licence ? `${licence.name} ${licence.number}，${licence.validUntil ? `有效期至 ${licence.validUntil}` : '长期有效'}` : `电子证照库中未查到申请单位有效的${LICENCE_NAMES[rule.licence]}`,
        };
      }
      case 'field_in_region': {
        const value = String(input.fields[rule.field] ?? '');
        const passed = value.includes(input.regionName);
        return { kind: rule.kind, label: rule.label, passed, detail: passed ? `地址位于${input.regionName}` : `地址“${value}”不在${input.regionName}` };
      }
      case 'materials_verified': {
        const pending = input.materials.filter((m) => m.source === 'issued_licence' && m.licence?.status !== 'verified');
        return {
          kind: rule.kind,
          label: rule.label,
          passed: pending.length === 0,
          detail: pending.length ? `未能从电子证照库调取：${pending.map((m) => m.name).join('、')}` : '上传材料已通过校验，电子证照均已调取',
        };
      }
    }
  });
  return { checkedAt: input.now.toISOString(), outcome: results.every((r) => r.passed) ? 'approved' : 'manual', rules: results };
}
