import '../zod-locale';
import * as z from 'zod';
import { itemTypeCodeSchema, levelSchema, regionCodeSchema, themeCodeSchema } from './codes';
import { itemSummarySchema, regionSchema } from './guide';

export const PROVINCE_REGION_CODE = '340000';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** `limit` of every paginated list: a query-string number from 1 to MAX_PAGE_SIZE. */
export const pageLimitSchema = z
  .string()
  .regex(/^\d{1,2}$/, '每页条数应为1到50之间的整数')
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, '每页条数应为1到50之间的整数')
  .optional()
  .meta({ description: `每页条数，1-${MAX_PAGE_SIZE}，默认 ${DEFAULT_PAGE_SIZE}` });

/** Query string of GET /catalog/items. Every value arrives as a string. */
export const listItemsQuerySchema = z
  .object({
    region: regionCodeSchema.optional().meta({ description: '行政区划代码；不传且未指定层级时为全省（340000）' }),
    level: levelSchema.optional(),
    type: itemTypeCodeSchema.optional().meta({ description: '事项类型代码' }),
    theme: themeCodeSchema.optional(),
    keyword: z.string().trim().min(1, '搜索词不能为空').max(30, '搜索词不能超过30个字').optional().meta({ description: '按名称、实施主体、关键词搜索' }),
    frequent: z.enum(['true', 'false']).optional().meta({ description: '只看常用事项' }),
    limit: pageLimitSchema,
    cursor: z.string().max(1024).optional().meta({ description: '上一页返回的 nextCursor' }),
  })
  .strict();
export type ListItemsQuery = z.output<typeof listItemsQuerySchema>;

export const listItemsResponseSchema = z
  .object({
    items: z.array(itemSummarySchema),
    nextCursor: z.string().nullable().meta({ description: '下一页游标；为 null 表示没有更多' }),
  })
  .meta({ id: 'ItemPage' });
export type ListItemsResponse = z.infer<typeof listItemsResponseSchema>;

export const guidePathSchema = z.object({
  code: z.string().meta({ description: '实施编码' }),
});

export const listRegionsResponseSchema = z.object({ regions: z.array(regionSchema) }).meta({ id: 'RegionList' });
export type ListRegionsResponse = z.infer<typeof listRegionsResponseSchema>;
