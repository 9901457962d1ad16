import {
  ITEM_TYPES,
  THEMES,
  summarise,
  type ImplementationItem,
  type Level,
  type Organisation,
  type Region,
} from '@ah-tourism/shared';

/**
 * Key layout of the catalog in the single table (see README, "Access patterns"):
 *   ITEM#<implementation code> / GUIDE        the full guide, current version      GetItem
 *   ITEM#<implementation code> / GUIDE#V<6-digit version>
 *                                             each published version, immutable    GetItem
 *   ITEM#<implementation code> / SUMMARY      list entry, indexed twice:
 *     GSI1  CATALOG#REGION#<region> / <type>#<basic code>#<implementation code>   Query
 *     GSI2  CATALOG#LEVEL#<level>   / <type>#<basic code>#<region>#<impl. code>   Query
 *   REGION / <region code>                    regions of the province             Query
 *   ORG#<credit code> / PROFILE               implementing organisations          GetItem
 */
export const REGION_PARTITION = 'REGION';
export const regionPartitionKey = (regionCode: string) => `CATALOG#REGION#${regionCode}`;
export const levelPartitionKey = (level: Level) => `CATALOG#LEVEL#${level}`;
export const guideKey = (code: string) => ({ pk: `ITEM#${code}`, sk: 'GUIDE' });
/** A published guide version: written once, never changed (cases refer to the version they were applied under). */
export const guideVersionKey = (implementationCode: string, version: number) => ({ pk: `ITEM#${implementationCode}`, sk: `GUIDE#V${String(version).padStart(6, '0')}` });
export const summaryKey = (code: string) => ({ pk: `ITEM#${code}`, sk: 'SUMMARY' });

/** Lower-cased text that keyword search matches against (name, its English, keywords, organisation, type, themes). */
export function searchText(item: ImplementationItem): string {
  const type = ITEM_TYPES.find((t) => t.code === item.itemType)?.name ?? '';
  const themes = item.themes.map((code) => THEMES.find((t) => t.code === code)?.name ?? '');
  const english = item.translations?.en?.[item.name];
  return [item.name, ...(english ? [english] : []), ...item.keywords, item.organisation.name, type, ...themes].join(' ').toLowerCase();
}

export function guideRecord(item: ImplementationItem) {
  return { ...guideKey(item.implementationCode), entity: 'Guide', item };
}

/** The immutable copy of the item's current version, stored next to the current guide record. */
export function guideVersionRecord(item: ImplementationItem) {
  return { ...guideVersionKey(item.implementationCode, item.version), entity: 'GuideVersion', item };
}

export function summaryRecord(item: ImplementationItem) {
  const summary = summarise(item);
  return {
    ...summaryKey(item.implementationCode),
    entity: 'ItemSummary',
    gsi1pk: regionPartitionKey(item.regionCode),
    gsi1sk: `${item.itemType}#${item.basicCode}#${item.implementationCode}`,
    gsi2pk: levelPartitionKey(item.level),
    gsi2sk: `${item.itemType}#${item.basicCode}#${item.regionCode}#${item.implementationCode}`,
    searchText: searchText(item),
    summary,
    // Top-level copies of the filterable fields, for FilterExpressions.
    level: summary.level,
    themes: summary.themes,
    frequent: summary.frequent,
  };
}

export function regionRecord(region: Region) {
  return { pk: REGION_PARTITION, sk: region.code, entity: 'Region', region };
}

export function organisationRecord(organisation: Organisation) {
  return { pk: `ORG#${organisation.creditCode}`, sk: 'PROFILE', entity: 'Organisation', organisation };
}
