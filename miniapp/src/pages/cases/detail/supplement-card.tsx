import Taro from '@tarojs/taro'
import type { CaseDetail, ImplementationItem } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import type { FormFile } from '@/features/application/form'
import { UploadSlot } from '@/features/application/upload-slot'
import { useUploads } from '@/features/application/use-uploads'
import { getSupplementDraft, resubmitCase, saveSupplementDraft } from '@/features/cases/api'
import { chinaDateTime } from '@/features/cases/format'
import { documentUrl } from '@/features/cases/routes'
import { isStale } from '@/features/cases/use-case-page'
import { toApiError, type ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { DETAIL_STRINGS as S } from './strings'

export interface SupplementCardProps {
  detail: CaseDetail
  item: ImplementationItem | null
  onResubmitted: (detail: CaseDetail) => void
  /** The case changed meanwhile (409): show the message and reload. */
  onStale: (error: ApiError) => void
}

const slotId = (materialId: string) => `f-supplement-${materialId.replace(/[^A-Za-z0-9]+/g, '-')}`

/**
 * 需补正材料: exactly the materials the one-time notice named, with its reasons and an upload slot
 * each, and 重新提交 (POST /cases/{no}/resubmit at the version shown). Errors land on their material.
 */
export function SupplementCard({ detail, item, onResubmitted, onStale }: SupplementCardProps) {
  const supplement = detail.supplement!
  const uploads = useUploads(detail.implementationCode, item?.guide.materials)
  const [files, setFiles] = useState<Record<string, FormFile[]>>({})
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const draft = useSupplementDraft(detail.caseNumber, supplement.materialIds, files, setFiles)

  // The newest one-time notice carries the reasons (by material name) and any unmet conditions.
  const notice = [...detail.documents].reverse().find((d) => d.kind === 'supplement_notice')
  const nameOf = (id: string) => detail.materials.find((m) => m.materialId === id)?.name ?? item?.guide.materials.find((m) => m.id === id)?.name ?? id
  const reasonOf = (name: string) => notice?.defects?.find((d) => d.subject === name)?.reason
  const materialNames = new Set(supplement.materialIds.map(nameOf))
  const conditions = (notice?.defects ?? []).filter((d) => !materialNames.has(d.subject))

  const clearIssues = (materialId: string) =>
    setIssues((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => path !== `materials.${materialId}` && !path.startsWith(`materials.${materialId}[`))))

  const pick = async (materialId: string, picked: Parameters<typeof uploads.upload>[1], replacing: number | null) => {
    const uploaded = await uploads.upload(materialId, picked, replacing, files[materialId]?.length ?? 0)
    if (!uploaded) return
    clearIssues(materialId)
    setFiles((previous) => {
      const list = [...(previous[materialId] ?? [])]
      if (replacing !== null && replacing < list.length) list[replacing] = uploaded
      else list.push(uploaded)
      return { ...previous, [materialId]: list }
    })
    draft.changed()
  }

  const remove = (materialId: string, index: number) => {
    setFiles((previous) => ({ ...previous, [materialId]: (previous[materialId] ?? []).filter((_, i) => i !== index) }))
    draft.changed()
    clearIssues(materialId)
    uploads.clearError(materialId)
  }

  const scrollTo = (materialId: string) => scrollToId(slotId(materialId))

  const submit = async () => {
    if (submitting) return
    setProblem(null)
    if (uploads.busy || draft.state === 'loading') {
      void Taro.showToast({ title: S.waitUploads, icon: 'none' })
      return
    }
    const missing = supplement.materialIds.filter((id) => !files[id]?.length)
    if (missing.length) {
      setIssues(Object.fromEntries(missing.map((id) => [`materials.${id}`, S.supplementMissing(nameOf(id))])))
      setProblem(S.supplementFix(missing.length))
      scrollTo(missing[0]!)
      return
    }
    setSubmitting(true)
    try {
      const materials = Object.fromEntries(supplement.materialIds.map((id) => [id, (files[id] ?? []).map(({ key, fileName }) => ({ key, fileName }))]))
      onResubmitted(await resubmitCase(detail.caseNumber, { version: detail.version, materials }))
    } catch (caught) {
      const error = toApiError(caught)
      if (isStale(error)) {
        onStale(error)
      } else if (error.details.length) {
        const placed = Object.fromEntries(error.details.filter((d) => d.path.startsWith('materials.')).map((d) => [d.path, d.message]))
        const unplaced = error.details.filter((d) => !d.path.startsWith('materials.')).map((d) => d.message)
        setIssues(placed)
        setProblem([error.message, ...unplaced].join(S.problemSeparator))
        const first = supplement.materialIds.find((id) => Object.keys(placed).some((path) => path.startsWith(`materials.${id}`)))
        if (first) scrollTo(first)
      } else {
        setProblem(error.message)
      }
    }
    setSubmitting(false)
  }

  const noticeNumber = supplement.noticeNumber ?? notice?.number
  const title = noticeNumber ? S.supplementTitleWithNotice(noticeNumber) : S.supplementTitle
  return (
    <View className='supplement' role='region' aria-label={title}>
      <View className='supplement__title' role='heading' aria-level={2}>
        {title}
      </View>
      <Text className='supplement__text'>{S.supplementText}</Text>
      {notice ? (
        <View className='supplement__notice'>
          <ActionButton variant='text' size='sm' label={S.supplementOpenNoticeLabel(notice.number)} onTap={() => void Taro.navigateTo({ url: documentUrl(detail.caseNumber, notice.documentId) })}>
            {`${S.supplementOpenNotice} ›`}
          </ActionButton>
        </View>
      ) : null}
      {conditions.length ? (
        <View className='supplement__conditions'>
          <Text className='supplement__text'>{S.supplementConditions}</Text>
          {conditions.map((condition) => (
            <Text key={condition.subject} className='supplement__condition'>{S.supplementCondition(condition.subject, condition.reason)}</Text>
          ))}
        </View>
      ) : null}
      <View className='supplement__draft' role='status' aria-live='polite'>
        {draft.state === 'loading'
          ? S.supplementDraftLoading
          : draft.state === 'failed'
            ? S.supplementDraftFailed
            : draft.state === 'saved'
              ? S.supplementDraftSaved
              : draft.restoredAt
                ? S.supplementDraftRestored(chinaDateTime(draft.restoredAt))
                : S.supplementDraftIdle}
      </View>
      <View className='upload-slots'>
        {supplement.materialIds.map((id) => {
          const name = nameOf(id)
          const reason = reasonOf(name)
          const standard = item?.guide.materials.find((m) => m.id === id)?.acceptanceStandard
          const activity = uploads.slots[id]
          return (
            <UploadSlot
              key={id}
              id={slotId(id)}
              name={name}
              required
              tag={{ text: S.supplementTag, tone: 'required' }}
              files={files[id] ?? []}
              previews={uploads.previews}
              activity={activity}
              error={activity?.error ?? issues[`materials.${id}`]}
              fileError={(index) => issues[`materials.${id}[${index}]`]}
              uploadLabel={S.supplementUploadLabel(name)}
              onPick={(picked, replacing) => void pick(id, picked, replacing)}
              onRemove={(index) => remove(id, index)}
            >
              {reason ? <Text className='upload-slot__text supplement__reason'>{S.supplementReason(reason)}</Text> : null}
              {standard ? <Text className='upload-slot__text upload-slot__text--muted'>{S.supplementStandard(standard)}</Text> : null}
            </UploadSlot>
          )
        })}
      </View>
      {problem ? (
        <View className='supplement__problem' role='alert'>
          {problem}
        </View>
      ) : null}
      <ActionButton block disabled={submitting} onTap={() => void submit()}>
        {submitting ? S.resubmitting : S.resubmit}
      </ActionButton>
    </View>
  )
}

type DraftState = 'loading' | 'idle' | 'saving' | 'saved' | 'failed'

/**
 * 补正材料草稿: the files uploaded for this notice are kept on the server (PUT /cases/{no}/supplement-draft)
 * after every change, one save at a time, so leaving the page before 重新提交 loses nothing; on return they
 * are shown again. Submitting the supplement clears the draft on the server.
 */
function useSupplementDraft(caseNumber: string, materialIds: string[], files: Record<string, FormFile[]>, setFiles: (files: Record<string, FormFile[]>) => void) {
  const [state, setState] = useState<DraftState>('loading')
  const [restoredAt, setRestoredAt] = useState<string | null>(null)
  const [changes, setChanges] = useState(0)
  const version = useRef(0)
  const latest = useRef(files)
  latest.current = files
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  useEffect(() => {
    let current = true
    getSupplementDraft(caseNumber).then(
      (draft) => {
        if (!current) return
        version.current = draft.version
        const kept = Object.fromEntries(Object.entries(draft.materials).filter(([id, list]) => materialIds.includes(id) && list.length)) as Record<string, FormFile[]>
        if (Object.keys(kept).length) {
          setFiles(kept)
          setRestoredAt(draft.updatedAt)
        }
        setState('idle')
      },
      // Unreadable: the card works as before, and saving tells whether the server can keep the files.
      () => current && setState('idle'),
    )
    return () => {
      current = false
    }
  }, [caseNumber])

  useEffect(() => {
    if (!changes) return
    const save = async (retry: boolean): Promise<void> => {
      try {
        const materials = Object.fromEntries(Object.entries(latest.current).map(([id, list]) => [id, list.map(({ key, fileName, contentType, size }) => ({ key, fileName, contentType, size }))]))
        version.current = (await saveSupplementDraft(caseNumber, { version: version.current, materials })).version
        setState('saved')
      } catch (caught) {
        // Saved meanwhile elsewhere (another device, an earlier page): this page's files are the newest choice.
        if (retry && toApiError(caught).code === 'CASE_VERSION_CONFLICT') {
          version.current = (await getSupplementDraft(caseNumber).catch(() => ({ version: version.current }))).version
          return save(false)
        }
        setState('failed')
      }
    }
    setState('saving')
    queue.current = queue.current.then(() => save(true))
  }, [changes])

  return { state, restoredAt, changed: () => setChanges((n) => n + 1) }
}
