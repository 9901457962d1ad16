import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Region } from '../../shared/src/catalog/guide';
import { registryRegionFor } from '../../functions/src/licences/registry-region';
import { DEFAULT_DATA_DIR } from './catalog-data';

/**
 * The licences issued before this system and what agencies filed then (存量证照), in the compact form of
 * `data/registry-seed.json`: per city (and the province), its travel agencies and its guides. Numbers,
 * credit codes, source case numbers and filing receipts are derived from it deterministically
 * (registry-records.ts), so the file holds only what a person would write down.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Before this system issued anything: numbers of these years never collide with its own (2026 on). */
const legacyDay = day.refine((value) => value >= '2019-01-01' && value <= '2025-12-31', '存量证照的日期应在2019–2025年');
const text = (max: number) => z.string().trim().min(2).max(max);

const statusChangeSchema = z
  .object({ status: z.enum(['suspended', 'revoked', 'cancelled']), on: day, reason: text(100), legalBasis: text(60) })
  .strict();
const filingSchema = z
  .object({ name: text(50), address: text(80), filedOn: legacyDay, region: z.string().regex(/^\d{6}$/).optional() })
  .strict();
const agencySchema = z
  .object({
    name: text(50),
    licensedOn: legacyDay,
    address: text(80),
    outboundOn: legacyDay.optional(),
    branches: z.array(filingSchema).optional(),
    outlets: z.array(filingSchema).optional(),
    statusChange: statusChangeSchema.optional(),
  })
  .strict();
const guideSchema = z
  .object({
    name: text(20),
    language: z.enum(['中文', '英语', '日语', '韩语', '俄语', '法语', '德语', '西班牙语', '其他语种']),
    level: z.enum(['初级', '中级', '高级', '特级']),
    issuedOn: legacyDay,
    employer: text(50),
    /** The department, when it issued this city's guide (otherwise the city's bureau did). */
    issuer: z.literal('340000').optional(),
    statusChange: statusChangeSchema.optional(),
  })
  .strict();
const seedSchema = z
  .object({
    about: z.string(),
    registries: z.array(z.object({ region: z.string().regex(/^\d{6}$/), agencies: z.array(agencySchema), guides: z.array(guideSchema) }).strict()),
  })
  .strict();

export type RegistrySeed = z.infer<typeof seedSchema>;
export type SeedAgency = z.infer<typeof agencySchema>;
export type SeedGuide = z.infer<typeof guideSchema>;
export type SeedFiling = z.infer<typeof filingSchema>;
export type SeedStatusChange = z.infer<typeof statusChangeSchema>;

export const REGISTRY_SEED_FILE = 'registry-seed.json';

/** The issuer of a seeded guide: the department when named, else the city's bureau. */
export const guideIssuerRegion = (region: string, guide: SeedGuide) => guide.issuer ?? region;

/**
 * What the file must also agree with beyond its shape: known regions, every city exactly once, dates in
 * order, and each guide listed where the registry rule would list one the system issued itself (an
 * agency is issued by its own city's bureau, or by the province with a province-registered credit code).
 */
function problemsOf(seed: RegistrySeed, regions: Region[]): string[] {
  const problems: string[] = [];
  const known = new Set(regions.map((r) => r.code));
  const listed = seed.registries.map((r) => r.region);
  for (const region of regions) if (listed.filter((code) => code === region.code).length !== 1) problems.push(`${region.name}（${region.code}）应恰好出现一次`);
  const names = new Set<string>();
  seed.registries.forEach((registry, i) => {
    const at = `registries[${i}]（${registry.region}）`;
    if (!known.has(registry.region)) problems.push(`${at}: 未知的行政区划代码`);
    registry.agencies.forEach((agency, j) => {
      const where = `${at}.agencies[${j}] ${agency.name}`;
      if (names.has(agency.name)) problems.push(`${where}: 旅行社名称重复`);
      names.add(agency.name);
      if (agency.outboundOn && agency.outboundOn <= agency.licensedOn) problems.push(`${where}: 增加出境旅游业务应晚于取得许可`);
      for (const filing of [...(agency.branches ?? []), ...(agency.outlets ?? [])]) {
        if (filing.filedOn < agency.licensedOn) problems.push(`${where}: ${filing.name} 备案早于取得许可`);
        if (filing.region && !known.has(filing.region)) problems.push(`${where}: ${filing.name} 的备案地区未知`);
      }
      if (agency.statusChange && agency.statusChange.on <= agency.licensedOn) problems.push(`${where}: 状态变更应晚于取得许可`);
    });
    registry.guides.forEach((guide, j) => {
      const where = `${at}.guides[${j}] ${guide.name}`;
      if (registry.region === '340000' && guide.issuer) problems.push(`${where}: 省级名录的导游本就由省厅颁发，无需写 issuer`);
      const city = registryRegionFor({ kind: 'tour_guide', issuerRegion: guideIssuerRegion(registry.region, guide), holderCode: '', employer: guide.employer }, regions);
      if (city !== registry.region) problems.push(`${where}: 按执业单位“${guide.employer}”应列入 ${city} 的名录`);
      if (guide.statusChange && guide.statusChange.on <= guide.issuedOn) problems.push(`${where}: 状态变更应晚于发证`);
    });
  });
  return problems;
}

/** Reads and checks `data/registry-seed.json`; throws with every problem found, not only the first. */
export function loadRegistrySeed(regions: Region[], dataDir: string = DEFAULT_DATA_DIR): RegistrySeed {
  const file = path.join(dataDir, REGISTRY_SEED_FILE);
  const parsed = seedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${REGISTRY_SEED_FILE}:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  const problems = problemsOf(parsed.data, regions);
  if (problems.length) throw new Error(`${REGISTRY_SEED_FILE}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}
