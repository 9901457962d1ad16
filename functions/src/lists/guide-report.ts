import type { ImplementationItem } from '@ah-tourism/shared';
import type { GuideReport } from '@ah-tourism/shared/src/reports/layout';
import { guideReportPartition } from '../reports/keys';
import type { ReportOfChange } from '../reports/outbox';

/**
 * A published guide version reported upward (同步同源: the platform shows the same guide), written in the
 * publication's transaction. Each item's versions go out in order, in a partition of their own.
 */
export function guideReport(item: ImplementationItem, publishedAt: string): ReportOfChange {
  const report: GuideReport = {
    recordType: 'guide',
    messageId: `GUIDE-${item.implementationCode}-V${item.version}`,
    implementationCode: item.implementationCode,
    itemName: item.name,
    version: item.version,
    organisationName: item.organisation.name,
    organisationCode: item.organisation.creditCode,
    publishedAt,
    guide: { basicCode: item.basicCode, itemType: item.itemType, level: item.level, regionCode: item.regionCode, themes: item.themes, ...item.guide },
  };
  return { partition: guideReportPartition(item.implementationCode), report, organisationCode: item.organisation.creditCode, changedAt: publishedAt };
}
