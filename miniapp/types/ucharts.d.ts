/** uCharts ships plain JavaScript: the little the chart component uses of it. */
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(options: Record<string, unknown>)
    opts: Record<string, unknown>
    getCurrentDataIndex(event: unknown): number | { index: number; group?: number[] }
    updateData(data: Record<string, unknown>): void
  }
}
