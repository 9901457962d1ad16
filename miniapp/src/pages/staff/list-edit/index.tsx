import Taro, { useRouter } from '@tarojs/taro'
import type { ListEntry } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseNotice, DetailRow } from '@/features/cases/case-view'
import { backOr, readParam } from '@/features/cases/routes'
import { ProblemBox } from '@/features/staff/feedback-view'
import { getListEntry, listListVersions, saveListDraft } from '@/features/staff/lists-api'
import { LISTS_PAGE, listEditUrl } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import { toApiError, type ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { ActionPanel } from './action-panel'
import { DraftReview, publicationDay, VersionHistory } from './draft-review'
import { formOf, placeIssues, withValue, type EntryForm } from './entry-form'
import { fieldId, formFields, GuideFields } from './guide-fields'
import { LIST_EDIT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/staff/feedback-view.scss'
import './index.scss'

const backToList = () => backOr(LISTS_PAGE)

interface Notice {
  tone: 'success' | 'warning'
  message: string
}

/**
 * 清单条目: pages/staff/list-edit/index?code=<实施编码> — one implementation entry: its current version,
 * the draft of the next one with the changes against the current version and its review progress, the
 * form to edit it (the API's problems shown at their fields), the actions this person may take (submit,
 * approve, send back, publish, discard) and every published version.
 */
export default function ListEditPage() {
  usePageTitle()
  const { params } = useRouter()
  const code = readParam(params.code)
  const user = useSignedIn(listEditUrl(code))
  const userId = user?.userId ?? ''
  const load = useCallback(() => getListEntry(code), [code])
  const { remote, reload, replace } = useRemote(load, `${userId}:${code}`)
  const [historyKey, setHistoryKey] = useState(0)
  const loadVersions = useCallback(() => listListVersions(code), [code])
  const versions = useRemote(loadVersions, `${userId}:${code}:${historyKey}`)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [form, setForm] = useState<EntryForm | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)

  const entry = remote.status === 'ready' ? remote.data : null
  const formSource = entry ? `${entry.current.version}:${entry.draft?.revision ?? 0}` : ''
  // A fresh copy of what is on the server whenever it changes (saved, acted on, reloaded).
  useEffect(() => {
    if (entry) setForm(formOf(entry.draft?.item ?? entry.current))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formSource])

  if (!code) return <StatusView kind='error' title={S.missingCode} actionText={S.toList} onAction={backToList} />
  if (!user) return <SignInRequired returnUrl={listEditUrl(code)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    const final = error.code === 'CATALOG_ITEM_NOT_FOUND' || error.code === 'AUTH_FORBIDDEN'
    return final ? (
      <StatusView kind='empty' title={error.message} actionText={S.toList} onAction={backToList} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const data = remote.data
  const { current, draft } = data
  const editable = data.canEdit && (!draft || draft.status === 'editing')

  const changed = (next: ListEntry, message: string) => {
    replace(next)
    setNotice({ tone: 'success', message })
    setHistoryKey((k) => k + 1)
  }
  const stale = (error: ApiError) => {
    setNotice({ tone: 'warning', message: error.message })
    reload()
  }

  const save = async () => {
    if (!form || saving) return
    setSaving(true)
    setErrors({})
    setProblems([])
    try {
      const next = await saveListDraft(code, {
        baseVersion: current.version,
        ...(draft ? { revision: draft.revision } : {}),
        entry: { ...(data.canEditCatalogElements ? { name: form.name } : {}), guide: form.guide },
      })
      setSaving(false)
      changed(next, S.saved)
    } catch (caught) {
      setSaving(false)
      const error = toApiError(caught)
      if (error.status === 409) return stale(error)
      const { placed, unplaced } = placeIssues(error.details, formFields(form))
      setErrors(placed)
      setProblems([error.message, ...unplaced.filter((m) => m !== error.message)])
      const first = Object.keys(placed)[0]
      if (first) scrollToId(fieldId(first))
      void Taro.showToast({ title: S.fixProblems, icon: 'none' })
    }
  }

  const onChange = (path: string, value: unknown) => {
    setForm((previous) => (previous ? withValue(previous, path, value) : previous))
    // The field's problem, and those inside it when a whole object or list changes (a material's choice, a removed material).
    const within = (key: string) => key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)
    setErrors((previous) => {
      if (!Object.keys(previous).some(within)) return previous
      return Object.fromEntries(Object.entries(previous).filter(([key]) => !within(key)))
    })
  }

  return (
    <View className='case-page list-edit'>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={() => setNotice(null)} /> : null}
      <View className='case-header'>
        <View className='case-header__top'>
          <View className='case-header__title' role='heading' aria-level={1}>
            {current.name}
          </View>
        </View>
        <DetailRow label={S.organisation}>
          <Text>{current.organisation.name}</Text>
        </DetailRow>
        <DetailRow label={S.currentVersion}>
          <Text>{S.current(current.version, publicationDay(current.publishedAt))}</Text>
        </DetailRow>
        <DetailRow label={S.implementationCode}>
          <Text className='case-header__number' userSelect>
            {current.implementationCode}
          </Text>
        </DetailRow>
      </View>

      {draft ? <DraftReview draft={draft} /> : <Section title={S.draft}>{data.canEdit ? <Text className='list-edit__muted'>{S.noDraft}</Text> : <Text className='list-edit__muted'>{S.noActions}</Text>}</Section>}

      <ActionPanel entry={data} onDone={changed} onStale={stale} />

      {editable && form ? (
        <>
          <View className='list-edit__form-heading' role='heading' aria-level={2}>
            <Text>{S.edit}</Text>
            <Text className='list-edit__muted'>{S.editText}</Text>
          </View>
          <GuideFields form={form} errors={errors} catalogEditable={data.canEditCatalogElements} onChange={onChange} />
          <View className='list-edit__save'>
            <ProblemBox title={S.otherProblems} messages={problems} />
            <ActionButton block disabled={saving} onTap={() => void save()}>
              {saving ? S.saving : S.save}
            </ActionButton>
          </View>
        </>
      ) : null}

      <VersionHistory versions={versions.remote} />
    </View>
  )
}
