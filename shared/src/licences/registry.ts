import '../zod-locale';
import * as z from 'zod';
import { pageLimitSchema } from '../catalog/api';
import { regionCodeSchema } from '../catalog/codes';
import { REGISTRY_STATUSES, type RegistryStatus } from './registry-text';

/**
 * The public registries (旅行社名录, 导游名录): no sign-in, one city (or the province) at a time, searched
 * by a fragment of the name or by the exact licence number, paginated with a cursor. What they show is
 * what a tourist may check before booking: who holds a valid licence, with what scope, and where an
 * agency has filed branches and service outlets. A guide's name is masked and no identity number is shown.
 */
export const registryQuerySchema = z
  .object({
    region: regionCodeSchema.meta({ description: '城市（或全省 340000）的行政区划代码：名录按城市分开查询' }),
    keyword: z
      .string()
      .trim()
      .min(1, '搜索词不能为空')
      .max(30, '搜索词不能超过30个字')
      .optional()
      .meta({ description: '旅行社：名称中的任意片段；导游：姓氏、导游完整姓名或执业单位名称片段' }),
    number: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{1,40}$/, '证照编号只含字母、数字和“-”，如 L-AH-3410-2026-00012')
      .optional()
      .meta({ description: '完整的许可证或导游证编号（精确匹配）' }),
    limit: pageLimitSchema,
    cursor: z.string().max(1024).optional().meta({ description: '上一页返回的 nextCursor' }),
  })
  .strict();
export type RegistryQuery = z.output<typeof registryQuerySchema>;

const statusSchema = z.enum(Object.keys(REGISTRY_STATUSES) as [RegistryStatus, ...RegistryStatus[]]).meta({ description: '有效、已暂停、已吊销、已注销，或超过有效期（已过期）' });

export const travelAgencyEntrySchema = z
  .object({
    number: z.string().meta({ description: '旅行社业务经营许可证编号' }),
    name: z.string().meta({ description: '旅行社名称' }),
    creditCode: z.string().meta({ description: '统一社会信用代码' }),
    regionCode: z.string().meta({ description: '所属城市' }),
    scope: z.array(z.string()).meta({ description: '经营范围' }),
    outbound: z.boolean().meta({ description: '可经营出境旅游业务' }),
    address: z.string().optional().meta({ description: '经营场所' }),
    issuerName: z.string().meta({ description: '发证机关' }),
    licensedOn: z.string().meta({ description: '首次取得许可日期 YYYY-MM-DD' }),
    status: statusSchema,
    statusLabel: z.string(),
    statusChangedOn: z.string().optional().meta({ description: '暂停、吊销或注销的生效日期' }),
  })
  .meta({ id: 'RegisteredTravelAgency' });
export type RegisteredTravelAgency = z.infer<typeof travelAgencyEntrySchema>;

export const tourGuideEntrySchema = z
  .object({
    number: z.string().meta({ description: '导游证编号' }),
    name: z.string().meta({ description: '姓名（隐去除姓氏外的部分）' }),
    language: z.string().meta({ description: '导游语种' }),
    level: z.string().meta({ description: '导游等级：初级、中级、高级、特级' }),
    employer: z.string().optional().meta({ description: '执业单位' }),
    regionCode: z.string().meta({ description: '所属城市（执业单位所在城市）' }),
    issuerName: z.string().meta({ description: '发证机关' }),
    validUntil: z.string().optional().meta({ description: '有效期至' }),
    status: statusSchema,
    statusLabel: z.string(),
    statusChangedOn: z.string().optional(),
  })
  .meta({ id: 'RegisteredTourGuide' });
export type RegisteredTourGuide = z.infer<typeof tourGuideEntrySchema>;

const nextCursor = z.string().nullable().meta({ description: '下一页游标；为 null 表示没有更多' });
export const travelAgencyPageSchema = z.object({ items: z.array(travelAgencyEntrySchema), nextCursor }).meta({ id: 'RegisteredTravelAgencyPage' });
export const tourGuidePageSchema = z.object({ items: z.array(tourGuideEntrySchema), nextCursor }).meta({ id: 'RegisteredTourGuidePage' });
export type TravelAgencyPage = z.infer<typeof travelAgencyPageSchema>;
export type TourGuidePage = z.infer<typeof tourGuidePageSchema>;

export const agencyFilingSchema = z
  .object({
    kind: z.enum(['branch', 'outlet']).meta({ description: 'branch 分社，outlet 服务网点' }),
    name: z.string(),
    address: z.string(),
    filedOn: z.string().meta({ description: '备案日期 YYYY-MM-DD' }),
    filedWith: z.string().meta({ description: '备案机关' }),
    receiptNumber: z.string().meta({ description: '备案登记证明编号' }),
  })
  .meta({ id: 'AgencyFiling' });
export type AgencyFiling = z.infer<typeof agencyFilingSchema>;

export const travelAgencyDetailSchema = travelAgencyEntrySchema
  .extend({
    branches: z.array(agencyFilingSchema).meta({ description: '已备案的分社' }),
    outlets: z.array(agencyFilingSchema).meta({ description: '已备案的服务网点' }),
  })
  .meta({ id: 'RegisteredTravelAgencyDetail' });
export type RegisteredTravelAgencyDetail = z.infer<typeof travelAgencyDetailSchema>;

export const travelAgencyPathSchema = z.object({ number: z.string().meta({ description: '旅行社业务经营许可证编号，如 L-AH-3410-2026-00012' }) });
export const travelAgencyDetailQuerySchema = z
  .object({
    region: regionCodeSchema.optional().meta({ description: '名录所在城市（列表中的 regionCode）；缺省为编号中发证机关所在地' }),
  })
  .strict();
