/**
 * The plan's targets, measured online (网上考核): what each figure is, its unit and its target. Plain data,
 * no zod, so screens import it without the schemas. The numbers come from aggregates kept per
 * organisation and day (see the API's README section "Assessment"); this file only names them.
 */

export type FigureUnit = 'ratio' | 'count' | 'days';

export interface FigureDefinition {
  /** 指标名称, as the dashboard and the CSV header show it. */
  label: string;
  unit: FigureUnit;
  /** What is counted, in one sentence (the figure's help text). */
  description: string;
  /** The plan's target, when it names one: a ratio is met at or above it, a count or days at or below it. */
  target?: number;
  /** Whether a lower value is better (counts of late or overdue things, days taken). */
  lowerIsBetter?: boolean;
  /** Whether the figure opens a list of the cases behind it. Catalog figures open items, not cases. */
  drill: 'cases' | 'items' | 'none';
}

export const FIGURES = {
  itemsOnline: {
    label: '可网办事项占比',
    unit: 'ratio',
    description: '已发布事项中可网上办理（网上办理深度达到网上受理）的比例',
    target: 0.9,
    drill: 'items',
  },
  casesOnline: {
    label: '网上申请办件占比',
    unit: 'ratio',
    description: '期间提交的办件中通过网上渠道（小程序、政务服务网）申请的比例，窗口收件计入分母',
    target: 0.9,
    drill: 'cases',
  },
  itemsAtMostOneVisit: {
    label: '最多跑一次事项占比',
    unit: 'ratio',
    description: '已发布事项中到现场次数不超过1次的比例',
    target: 1,
    drill: 'items',
  },
  itemsZeroVisit: {
    label: '零跑腿事项占比',
    unit: 'ratio',
    description: '已发布事项中到现场次数为0的比例（负面清单外事项应全部零跑腿）',
    drill: 'items',
  },
  itemsZeroVisitOutsideNegativeList: {
    label: '负面清单外零跑腿达标率',
    unit: 'ratio',
    description: '未列入网上审批负面清单的事项中到现场次数为0的比例',
    target: 1,
    drill: 'items',
  },
  visitsBooked: {
    label: '预约到现场次数',
    unit: 'count',
    description: '期间办件中申请人预约到现场（现场核验、领取结果）的次数',
    drill: 'cases',
  },
  onTimeRate: {
    label: '按时办结率',
    unit: 'ratio',
    description: '期间办结的办件中在承诺办结时限内办结的比例',
    target: 1,
    drill: 'cases',
  },
  averageWorkingDays: {
    label: '平均办理用时',
    unit: 'days',
    description: '期间办结的办件从受理到办结的平均工作日',
    lowerIsBetter: true,
    drill: 'cases',
  },
  averagePromisedDays: {
    label: '平均承诺时限',
    unit: 'days',
    description: '同一批办件的平均承诺办结时限（工作日），与平均办理用时对照',
    drill: 'none',
  },
  publicServiceWithinOneDay: {
    label: '公共服务事项1个工作日内办结率',
    unit: 'ratio',
    description: '期间办结的公共服务事项办件中1个工作日内办结的比例',
    target: 1,
    drill: 'cases',
  },
  noticesWithinFiveDays: {
    label: '一次性告知按时率',
    unit: 'ratio',
    description: '期间发出的一次性告知（补正告知）中在提交后5个工作日内发出的比例',
    target: 1,
    drill: 'cases',
  },
  satisfactionRate: {
    label: '满意率',
    unit: 'ratio',
    description: '期间有效评价中非常满意、满意、基本满意的比例',
    target: 0.95,
    drill: 'cases',
  },
  rectificationRate: {
    label: '差评整改率',
    unit: 'ratio',
    description: '期间差评中已整改办结的比例',
    target: 1,
    drill: 'cases',
  },
  callbackRate: {
    label: '差评回访率',
    unit: 'ratio',
    description: '期间实名差评中已回访的比例',
    target: 1,
    drill: 'cases',
  },
  overdueCases: {
    label: '超期办件',
    unit: 'count',
    description: '期间超过承诺办结时限（含超期后办结）的办件数',
    target: 0,
    lowerIsBetter: true,
    drill: 'cases',
  },
  overdueRectifications: {
    label: '超期整改',
    unit: 'count',
    description: '期间超过整改时限的差评整改数',
    target: 0,
    lowerIsBetter: true,
    drill: 'cases',
  },
} as const satisfies Record<string, FigureDefinition>;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as [FigureKey, ...FigureKey[]];

/** Who a report is about: the province, a city (its bureau and anything else implemented there), one organisation. */
export type AssessmentScopeKind = 'province' | 'city' | 'organisation';

export const SCOPE_KIND_LABELS: Record<AssessmentScopeKind, string> = {
  province: '全省',
  city: '市',
  organisation: '单位',
};

/** Whether a value meets the figure's target (undefined when the figure has none or no value). */
export function meetsTarget(key: FigureKey, value: number | null): boolean | undefined {
  const definition: FigureDefinition = FIGURES[key];
  if (definition.target === undefined || value === null) return undefined;
  return definition.lowerIsBetter ? value <= definition.target : value >= definition.target;
}

/** A ratio as the screens and the CSV show it: one decimal of a percent ("96.3%"); "—" without cases. */
export function formatFigure(key: FigureKey, value: number | null): string {
  if (value === null) return '—';
  const unit: FigureUnit = FIGURES[key].unit;
  if (unit === 'ratio') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (unit === 'days') return `${(Math.round(value * 10) / 10).toFixed(1)} 个工作日`;
  return String(value);
}
