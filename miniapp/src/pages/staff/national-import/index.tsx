import Taro from '@tarojs/taro'
import type { ImportResult, ImportSummary } from '@ah-tourism/shared'
import { MAX_IMPORT_ROWS, NATIONAL_FIELDS, NATIONAL_FIELD_KEYS } from '@ah-tourism/shared/src/imports/national-fields'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormField, describedBy } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextArea } from '@/components/form-field/text-area'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { chinaDateTime } from '@/features/cases/format'
import { formatOf, importNationalRecords, listImports } from '@/features/imports/api'
import { chooseImportFile } from '@/features/imports/pick-file'
import { downloadReport } from '@/features/imports/report'
import { INBOX_PAGE, NATIONAL_IMPORT_PAGE, staffCaseUrl } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { NATIONAL_IMPORT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

type Format = 'csv' | 'json'
const FORMAT_OPTIONS = (['csv', 'json'] as const).map((value) => ({ value, label: S.formats[value] }))
/** Lines a CSV or the objects a JSON file appears to hold, to show before importing (the server counts for real). */
const roughRows = (format: Format, content: string) => (format === 'json' ? (content.match(/\{/g) ?? []).length : content.split(/\r?\n/).filter((l) => l.trim()).length - 1)
/** China time for a file name, whatever the language: 2026-12-5_1804. */
const stamp = (iso: string) => {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  const d = new Date(time + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`
}

/**
 * 工作台 › 导入全国旅游监管服务平台办件: pages/staff/national-import/index — the organisation's administrator
 * chooses the national system's export (a chat file on the phone, a file dialog in the browser) or pastes it,
 * imports it, and sees the counts, each rejected row with its field and problem, the cases written, and
 * the row report to download; below, the organisation's earlier imports.
 */
export default function NationalImportPage() {
  usePageTitle()
  const user = useSignedIn(NATIONAL_IMPORT_PAGE)
  const admin = !!user?.staff?.permissions.includes('org_admin')
  const [content, setContent] = useState('')
  const [format, setFormat] = useState<Format>('csv')
  const [fileName, setFileName] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const history = useRemote<ImportSummary[]>(() => (admin ? listImports() : Promise.resolve([])), `${user?.userId ?? ''}:${admin}`)

  if (!user) return <SignInRequired returnUrl={NATIONAL_IMPORT_PAGE} />
  if (!admin) return <StatusView kind='empty' title={S.notAdmin} description={S.notAdminHint} actionText={S.toInbox} onAction={() => void Taro.redirectTo({ url: INBOX_PAGE })} />

  const choose = async () => {
    try {
      const file = await chooseImportFile()
      if (!file) return
      setContent(file.content)
      setFileName(file.name)
      setFormat(formatOf(file.name, file.content))
      setError(null)
    } catch {
      setError(S.chooseFailed)
    }
  }

  const start = async () => {
    if (!content.trim()) return setError(S.empty)
    setBusy(true)
    setError(null)
    try {
      const done = await importNationalRecords({ format, content, ...(fileName ? { fileName } : {}) })
      setResult(done)
      history.reload()
    } catch (failure) {
      setError(toApiError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  const download = async (summary: ImportSummary) => {
    try {
      const outcome = await downloadReport(summary.importId, S.reportFile(stamp(summary.importedAt)))
      if (outcome !== 'cancelled') void Taro.showToast({ title: outcome === 'shared' ? S.shared : outcome === 'saved' ? S.saved : S.downloaded, icon: 'success' })
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' })
    }
  }

  const renderHistory = () => {
    const { remote } = history
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.historyLoading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={history.reload} />
    if (!remote.data.length) return <StatusView kind='empty' compact title={S.historyEmpty} description={S.historyEmptyHint} />
    return (
      <View role='list'>
        {remote.data.map((summary) => (
          <View key={summary.importId} className='national-import__history-item' role='listitem'>
            <Text className='national-import__muted'>{summary.fileName ? S.historyLineWithFile(chinaDateTime(summary.importedAt), summary.importedBy, summary.fileName) : S.historyLine(chinaDateTime(summary.importedAt), summary.importedBy)}</Text>
            <Text className='national-import__counts'>{S.historyCounts(summary.imported, summary.alreadyImported, summary.rejected, summary.deferred ? S.historyDeferred(summary.deferred) : '')}</Text>
            <ActionButton variant='text' size='sm' label={S.downloadLabel(chinaDateTime(summary.importedAt))} onTap={() => void download(summary)}>
              {S.download}
            </ActionButton>
          </View>
        ))}
      </View>
    )
  }

  const rejected = result?.lines.filter((line) => line.outcome === 'rejected') ?? []
  const written = result?.lines.filter((line) => line.outcome === 'imported' || line.outcome === 'already_imported') ?? []

  return (
    <View className='national-import'>
      <View className='national-import__header'>
        <View className='national-import__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='national-import__intro'>{S.intro}</Text>
      </View>

      <Section title={S.fileSection}>
        <Text className='national-import__muted'>{S.layoutHint}</Text>
        <View className='national-import__fields' role='list' aria-label={S.layout}>
          {NATIONAL_FIELD_KEYS.map((key) => (
            <View key={key} role='listitem' className={`national-import__field${NATIONAL_FIELDS[key].required ? ' national-import__field--required' : ''}`}>
              <Text>{`${NATIONAL_FIELDS[key].title}${NATIONAL_FIELDS[key].required ? S.required : ''}`}</Text>
            </View>
          ))}
        </View>
        <View className='national-import__actions'>
          <ActionButton variant='secondary' size='sm' label={S.chooseLabel} onTap={() => void choose()} disabled={busy}>
            {S.choose}
          </ActionButton>
        </View>
        {fileName ? <Text className='national-import__chosen'>{S.chosen(fileName, Math.max(roughRows(format, content), 0))}</Text> : null}
        <FormField id='f-import-content' label={S.orPaste} error={error ?? undefined}>
          <TextArea
            id='f-import-content'
            value={content}
            label={S.pasteLabel}
            placeholder={S.pastePlaceholder}
            maxLength={-1}
            invalid={!!error}
            describedBy={describedBy('f-import-content', false, !!error)}
            onChange={(value) => {
              setContent(value)
              setFileName(null)
            }}
          />
        </FormField>
        <FormField id='f-import-format' label={S.format} required>
          <ChoiceGroup label={S.format} options={FORMAT_OPTIONS} value={format} onChange={(value) => setFormat(value as Format)} />
        </FormField>
        <ActionButton block label={S.startLabel} onTap={() => void start()} disabled={busy || roughRows(format, content) > MAX_IMPORT_ROWS * 2}>
          {busy ? S.starting : S.start}
        </ActionButton>
      </Section>

      {result ? (
        <Section title={S.resultSection}>
          <View role='status'>
            <Text className='national-import__counts'>{S.counts(result.rows, result.imported, result.alreadyImported, result.rejected, result.deferred ? S.countsDeferred(result.deferred) : '')}</Text>
          </View>
          {result.deferred ? (
            <View role='alert'>
              <Text className='national-import__line national-import__line--rejected'>{S.deferred(result.deferred)}</Text>
              <ActionButton variant='secondary' size='sm' onTap={() => void start()} disabled={busy}>
                {S.importAgain}
              </ActionButton>
            </View>
          ) : null}
          <View className='national-import__actions'>
            <ActionButton variant='secondary' size='sm' label={S.downloadLabel(chinaDateTime(result.importedAt))} onTap={() => void download(result)}>
              {S.download}
            </ActionButton>
          </View>
          <View role='heading' aria-level={3} className='national-import__muted'>
            {S.rejectedSection}
          </View>
          {rejected.length ? (
            <View role='list' aria-label={S.rejectedSection}>
              {rejected.map((line, index) => (
                <View key={`${line.row}-${index}`} role='listitem' className='national-import__line national-import__line--rejected'>
                  <Text>{S.rejectedLine(line.row, line.field ?? '', line.problem ?? '')}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='national-import__line'>{S.rejectedNone}</Text>
          )}
          {written.length ? (
            <>
              <View role='heading' aria-level={3} className='national-import__muted'>
                {S.importedSection}
              </View>
              <View role='list' aria-label={S.importedSection}>
                {written.map((line) => (
                  <View
                    key={line.row}
                    role='link'
                    aria-role='link'
                    aria-label={S.openCase(line.caseNumber ?? '')}
                    className='national-import__line national-import__line--link'
                    onClick={() => line.caseNumber && void Taro.navigateTo({ url: staffCaseUrl(line.caseNumber) })}
                  >
                    <Text>{SF.parenthetical(S.caseLine(line.row, line.nationalCaseNumber ?? '', line.caseNumber ?? ''), line.outcome === 'imported' ? S.imported : S.alreadyImported)}</Text>
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </Section>
      ) : null}

      <Section title={S.historySection}>{renderHistory()}</Section>
    </View>
  )
}
