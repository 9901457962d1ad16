import '../zod-locale';
import * as z from 'zod';
import { creditCodeRegion, isValidCreditCode } from '../identity/credit-code';
import itemTypeTable from './item-types.json';
import themeTable from './themes.json';

/**
 * Item types (事项类型). The ten types of administrative power are national; the code of 公共服务
 * differs by province, so the whole table is data (item-types.json), not code.
 */
export const ITEM_TYPES: ReadonlyArray<{ code: string; name: string }> = itemTypeTable;
const ITEM_TYPE_CODES = ITEM_TYPES.map((t) => t.code);

export const itemTypeCodeSchema = z
  .enum(ITEM_TYPE_CODES as [string, ...string[]], { error: '事项类型代码无效' })
  .meta({ description: '事项类型代码（01 行政许可 … 10 其他行政权力，20 公共服务）', examples: ['01'] });
export type ItemTypeCode = string;

export function itemTypeName(code: string): string | undefined {
  return ITEM_TYPES.find((t) => t.code === code)?.name;
}

export const THEMES: ReadonlyArray<{ code: string; name: string; description: string }> = themeTable;
const THEME_CODES = THEMES.map((t) => t.code);
export const themeCodeSchema = z
  .enum(THEME_CODES as [string, ...string[]], { error: '主题分类无效' })
  .meta({ description: '主题分类代码', examples: ['tour_guide'] });

/** Level of authority (事权层级), as its one-digit code inside the implementation code. */
export const LEVELS = {
  national: { digit: '1', name: '国家级' },
  province: { digit: '2', name: '省级' },
  city: { digit: '3', name: '市级' },
  county: { digit: '4', name: '县级' },
} as const;
export type Level = keyof typeof LEVELS;
export const levelSchema = z
  .enum(['national', 'province', 'city', 'county'])
  .meta({ description: '事权层级：national 国家级，province 省级，city 市级，county 县级' });

export const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, '行政区划代码应为6位数字')
  .meta({ description: '行政区划代码（GB/T 2260）', examples: ['340000', '341000'] });

/**
 * Basic code (基本编码): item type (2 digits) + main item (5 digits) + sub item (3 digits, 000 = no
 * sub item), 10 digits without separators. Strict format, no checksum.
 */
const BASIC_CODE = /^(\d{2})(\d{5})(\d{3})$/;

export interface BasicCodeParts {
  itemType: string;
  mainItem: string;
  subItem: string;
}

export function parseBasicCode(code: string): BasicCodeParts | null {
  const match = BASIC_CODE.exec(code);
  if (!match) return null;
  const [, itemType = '', mainItem = '', subItem = ''] = match;
  if (!ITEM_TYPE_CODES.includes(itemType) || mainItem === '00000') return null;
  return { itemType, mainItem, subItem };
}

export const basicCodeSchema = z
  .string()
  .refine((code) => parseBasicCode(code) !== null, {
    message: '基本编码应为10位数字：事项类型2位 + 主项5位 + 子项3位（无子项为000）',
  })
  .meta({ description: '基本编码：事项类型(2) + 主项(5) + 子项(3)', examples: ['0100117000'] });

/**
 * Implementation code (实施编码): basic code (10) + level digit (1) + region code (6) + the
 * implementing body's unified social credit code (18): 35 characters. The credit code must be valid
 * and registered in the same region.
 */
const IMPLEMENTATION_CODE = /^(\d{10})([1-4])(\d{6})([0-9A-HJ-NPQRTUWXY]{18})$/;

export interface ImplementationCodeParts {
  basicCode: string;
  level: Level;
  regionCode: string;
  creditCode: string;
}

const LEVEL_BY_DIGIT = Object.fromEntries(
  Object.entries(LEVELS).map(([level, { digit }]) => [digit, level as Level]),
) as Record<string, Level>;

export function parseImplementationCode(code: string): ImplementationCodeParts | null {
  const match = IMPLEMENTATION_CODE.exec(code);
  if (!match) return null;
  const [, basicCode = '', digit = '', regionCode = '', creditCode = ''] = match;
  const level = LEVEL_BY_DIGIT[digit];
  if (!level || !parseBasicCode(basicCode) || !isValidCreditCode(creditCode)) return null;
  if (creditCodeRegion(creditCode) !== regionCode) return null;
  return { basicCode, level, regionCode, creditCode };
}

export function formatImplementationCode(parts: ImplementationCodeParts): string {
  return `${parts.basicCode}${LEVELS[parts.level].digit}${parts.regionCode}${parts.creditCode}`;
}

export const implementationCodeSchema = z
  .string()
  .refine((code) => parseImplementationCode(code) !== null, {
    message: '实施编码无效：应为基本编码(10) + 层级(1) + 行政区划代码(6) + 实施主体统一社会信用代码(18)',
  })
  .meta({
    description: '实施编码：基本编码(10) + 层级(1) + 行政区划代码(6) + 实施主体统一社会信用代码(18)',
    examples: ['0100117003234000011340000003325011J'],
  });
