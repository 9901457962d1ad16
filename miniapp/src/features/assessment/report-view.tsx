import type { AssessmentReport, AssessmentScope, Figure, FigureKey } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Chart } from '@/components/chart'
import { FilterChips } from '@/components/filter-chips'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { chinaDateTime } from '@/features/cases/format'
import { CHART_FIGURES, childrenChart, figureLabel, figureSentence, fractionText, groupFigures, isEmptyReport, opensCases, opensItems, rangeText, targetText, trendChart, valueText, verdict } from './report'
import { ASSESSMENT_STRINGS as S, FIGURE_NAMES } from './strings'
import './report-view.scss'

const VERDICT_MARKS = { met: '✓', missed: '✗', none: '', nodata: '' } as const

function FigureCard({ figure, onOpen }: { figure: Figure; onOpen?: () => void }) {
  const { kind, text } = verdict(figure)
  const fraction = fractionText(figure)
  const target = targetText(figure)
  const sentence = figureSentence(figure)
  // A card that opens something takes the tap as a whole; its link (named by the whole sentence, which starts
  // with the words shown) is the figure's name, so voice control users can say what they see.
  const linkLabel = onOpen ? (opensItems(figure.key) ? S.itemsLink(sentence) : S.figureLink(sentence)) : undefined
  const body = (
    <>
      {linkLabel ? (
        <Text className='figure-card__label' role='link' aria-role='link' aria-label={linkLabel}>
          {figureLabel(figure)}
        </Text>
      ) : (
        <Text className='figure-card__label' aria-hidden='true'>
          {figureLabel(figure)}
        </Text>
      )}
      <View className='figure-card__main' aria-hidden='true'>
        <Text className='figure-card__value'>{valueText(figure)}</Text>
        {kind === 'met' || kind === 'missed' ? (
          <Text className={`figure-card__verdict figure-card__verdict--${kind}`}>
            {VERDICT_MARKS[kind]} {text}
          </Text>
        ) : (
          <Text className='figure-card__verdict figure-card__verdict--none'>{text}</Text>
        )}
      </View>
      {fraction ? (
        <Text className='figure-card__line' aria-hidden='true'>
          {fraction}
        </Text>
      ) : null}
      {target ? (
        <Text className='figure-card__line figure-card__line--muted' aria-hidden='true'>
          {target}
        </Text>
      ) : null}
      {onOpen ? (
        <Text className='figure-card__open' aria-hidden='true'>
          {opensItems(figure.key) ? S.openItems : S.openCases} ›
        </Text>
      ) : null}
    </>
  )
  if (!onOpen) {
    return (
      <View className={`figure-card figure-card--${kind}`} role='listitem' aria-label={sentence}>
        {body}
      </View>
    )
  }
  return (
    <View role='listitem' className='figure-card__item'>
      <View className={`figure-card figure-card--${kind} figure-card--link`} hoverClass='figure-card--pressed' onClick={onOpen}>
        {body}
      </View>
    </View>
  )
}

export interface ReportViewProps {
  report: AssessmentReport
  /** Staff: tapping a figure that counts cases opens them. */
  onOpenFigure?: (figure: Figure) => void
  /** Tapping a child (a bar or its row) opens its report. */
  onOpenChild?: (scope: AssessmentScope) => void
  /** Buttons under the heading (export…). */
  actions?: React.ReactNode
}

/**
 * One report: its scope and period, the figures under the plan's headings (value, target, 达标 or 未达标
 * in words, "412 / 430 件"), the chosen figure month by month and across the scopes one level down.
 */
export function ReportView({ report, onOpenFigure, onOpenChild, actions }: ReportViewProps) {
  const [chartFigure, setChartFigure] = useState<FigureKey>('casesOnline')
  const empty = isEmptyReport(report)
  const childKind = report.children[0]?.scope.kind === 'organisation' ? 'organisation' : 'city'
  const definition = FIGURE_NAMES[chartFigure]

  return (
    <View className='assessment-report'>
      <View className='assessment-report__heading'>
        <View className='assessment-report__scope' role='heading' aria-level={2}>
          {report.scope.name}
        </View>
        <Text className='assessment-report__period'>{rangeText(report)}</Text>
        <Text className='assessment-report__as-of'>{report.asOf ? S.asOf(chinaDateTime(report.asOf)) : S.asOfNever}</Text>
        {actions}
      </View>

      {empty ? <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} /> : null}

      {groupFigures(report.figures).map((group) => (
        <Section key={group.title} title={group.title}>
          <View className='figure-cards' role='list' aria-label={group.title}>
            {group.figures.map((figure) => (
              <FigureCard key={figure.key} figure={figure} onOpen={onOpenFigure && (opensCases(figure.key) || opensItems(figure.key)) ? () => onOpenFigure(figure) : undefined} />
            ))}
          </View>
        </Section>
      ))}

      <Section title={S.chartsTitle}>
        <FilterChips
          label={S.chartFigure}
          options={CHART_FIGURES.map((key) => ({ value: key, label: FIGURE_NAMES[key].label }))}
          value={chartFigure}
          onChange={(key) => key && setChartFigure(key as FigureKey)}
        />
        <View className='assessment-report__chart-title' role='heading' aria-level={3}>
          {S.trendTitle(definition.label)}
        </View>
        <Text className='assessment-report__hint'>{S.trendHint}</Text>
        <Chart id='assessment-trend' title={S.trendTitle(definition.label)} data={trendChart(report, chartFigure)} categoryHeader={S.month} emptyText={S.noTrend} />
        {report.children.length ? (
          <>
            <View className='assessment-report__chart-title' role='heading' aria-level={3}>
              {S.childrenTitle(definition.label, S.childLevel[childKind])}
            </View>
            {onOpenChild ? <Text className='assessment-report__hint'>{S.tapChildHint}</Text> : null}
            <Chart
              id='assessment-children'
              title={S.childrenTitle(definition.label, S.childLevel[childKind])}
              data={childrenChart(report, chartFigure)}
              height={240}
              categoryHeader={S.childHeader[childKind]}
              emptyText={S.noChildren}
              onOpen={onOpenChild ? (index) => report.children[index] && onOpenChild(report.children[index]!.scope) : undefined}
              openLabel={S.openChild}
            />
          </>
        ) : null}
      </Section>
    </View>
  )
}
