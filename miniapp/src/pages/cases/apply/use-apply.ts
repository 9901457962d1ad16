import Taro, { useDidHide } from '@tarojs/taro'
import type { HallIntakeReceipt, ImplementationItem, Material } from '@ah-tourism/shared'
import { changedSections, diffEntries } from '@ah-tourism/shared/src/catalog/guide-diff'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  emptyForm,
  formFromStored,
  prefilledForm,
  schemaFor,
  toApplicationBody,
  validateForm,
  type ApplicantKind,
  type ApplyForm,
  type CommitmentChoice,
  type EnterpriseInput,
  type IssueMap,
  type PersonInput,
} from '@/features/application/form'
import { withEarlierAnswers } from '@/features/application/history-prefill'
import { readLocalDraft } from '@/features/application/local-draft'
import type { PickedFile } from '@/features/application/picked-file'
import { useDraftAutosave } from '@/features/application/use-draft-autosave'
import { useUploads } from '@/features/application/use-uploads'
import { getVerifiedIdentity } from '@/features/account/api'
import { getItem, getItemVersion } from '@/features/catalog/api'
import { enterHallIntake, getApplicationPrefill, getDraft, submitApplication } from '@/features/cases/api'
import { applyUrl, submittedUrl } from '@/features/cases/routes'
import { toApiError, type ApiError } from '@/services/api-error'
import { randomToken } from '@/services/random'
import { scrollToId } from '@/services/scroll'
import { currentUser, ensureSignedIn } from '@/services/session'
import { APPLY_STRINGS as S } from './strings'

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; item: ImplementationItem; restoredAt: string | null; guideChange?: GuideChangeNotice | null; prefilled?: ApplyForm | null }

/** The guide was published again since the draft was started: which version, when, and which parts changed. */
export interface GuideChangeNotice {
  from: number
  to: number
  publishedAt: string
  sections: string[]
}

/** What changed between the version a draft was started under and the current one (null if that version cannot be read). */
async function guideChangeSince(item: ImplementationItem, version: number): Promise<GuideChangeNotice | null> {
  if (!version || version >= item.version) return null
  const before = await getItemVersion(item.implementationCode, version).catch(() => null)
  const sections = before ? changedSections(diffEntries(before, item)) : []
  return { from: version, to: item.version, publishedAt: item.publishedAt, sections }
}

export interface SubmitProblem {
  message: string
  /** Show the way to 我的办件 (the case may already exist). */
  toCases: boolean
}

/** The element id of a field's block, from its issue path (`applicant.agent.idNumber` → `f-applicant-agent-idNumber`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[\d+\]$/, '').replace(/[^A-Za-z0-9]+/g, '-')}`
}

function issuesFromDetails(error: ApiError): IssueMap {
  const map: IssueMap = {}
  for (const { path, message } of error.details) map[path || 'application'] ??= message
  return map
}

const PLACED = /^(applicant\.(person|agent|enterprise)\.[a-zA-Z]+|applicant|fields\.[a-zA-Z0-9]+|materials\.[a-z0-9-]+(\[\d+\])?|commitments\.[a-z0-9-]+|signedInPerson)$/

/**
 * At a hall window (线上线下联合办理) the same form is filled in by staff for a walk-in applicant: nothing is
 * kept as a draft (the form is the staff member's, the application the person's), and it is entered
 * through the window's route, which answers a receipt (回执).
 */
export interface HallIntakeMode {
  onReceipt: (receipt: HallIntakeReceipt) => void
}

/** Newest first: the phone's copy or the server's, whichever was saved last. */
function newest(item: ImplementationItem, ...candidates: unknown[]): ApplyForm | null {
  return candidates
    .map((candidate) => formFromStored(candidate, item))
    .filter((form): form is ApplyForm => form !== null)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0] ?? null
}

/**
 * State and actions of the application form: loading the guide and any draft, editing, uploads,
 * the errors to show (the shared schema's, after a field is left or a submission tried, and the
 * API's), autosave and the exactly-once submission. Nothing loads until `userId` is known (drafts
 * belong to a user); a different user later starts over with their own draft.
 */
export function useApply(code: string, userId: string, intake?: HallIntakeMode) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' })
  // The user the form was loaded for: signing out and back in as the same user keeps what is on screen.
  const [owner, setOwner] = useState(userId)
  if (userId && userId !== owner) setOwner(userId)
  const [attempt, setAttempt] = useState(0)
  const [form, setForm] = useState<ApplyForm | null>(null)
  const [touched, setTouched] = useState<Record<string, true>>({})
  const [attempted, setAttempted] = useState(false)
  const [serverIssues, setServerIssues] = useState<IssueMap>({})
  const uploads = useUploads(code, load.status === 'ready' ? load.item.guide.materials : undefined)
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<SubmitProblem | null>(null)
  const autosave = useDraftAutosave(code)
  const formRef = useRef(form)
  formRef.current = form

  useEffect(() => {
    if (!code || !owner) return
    let current = true
    setLoad({ status: 'loading' })
    const serverDraft = intake
      ? Promise.resolve(null)
      : getDraft(code).then(
          (draft) => draft.form,
          // No draft (DRAFT_NOT_FOUND) or the server cannot be reached: the phone's copy, if any, is used.
          () => null,
        )
    Promise.all([getItem(code), serverDraft])
      .then(async ([item, stored]) => {
        // At a hall window nothing is restored: the form is the walk-in applicant's, filled in now.
        const restored = intake ? null : newest(item, readLocalDraft(code), stored)
        // A new application of a person verified by the portal starts with their own name and ID number.
        const fresh = !restored && !intake
        const [identity, earlier] = await Promise.all([
          fresh && currentUser()?.verifiedIdentity ? getVerifiedIdentity().catch(() => null) : null,
          // …and with what the person gave in their own earlier applications (when that cannot be read, an empty form).
          fresh ? getApplicationPrefill(code).catch(() => null) : null,
        ])
        return { item, restored, identity, earlier, guideChange: restored ? await guideChangeSince(item, restored.guideVersion) : null }
      })
      .then(
      ({ item, restored, identity, earlier, guideChange }) => {
        if (!current) return
        // From now on the form is filled in against the current version (submission uses it too).
        const fromHistory = restored ? null : withEarlierAnswers(prefilledForm(item, identity), earlier, item)
        setForm(restored ? { ...restored, guideVersion: item.version } : fromHistory!.form)
        // What the form was before the earlier answers went in: 清空预填 goes back to it.
        setLoad({ status: 'ready', item, restoredAt: restored?.savedAt || null, guideChange, prefilled: fromHistory?.used ? prefilledForm(item, identity) : null })
      },
      (error: unknown) => current && setLoad({ status: 'error', error: toApiError(error) }),
    )
    return () => {
      current = false
    }
  }, [code, attempt, owner])

  useEffect(() => {
    if (form && !intake) autosave.changed(form)
  }, [form, autosave.changed, intake])

  useDidHide(() => void (intake ? undefined : autosave.flush()))

  const item = load.status === 'ready' ? load.item : null
  const schema = useMemo(() => (item ? schemaFor(item) : null), [item])
  const issues = useMemo(() => (form && item && schema ? validateForm(form, item, schema) : {}), [form, item, schema])

  const errorFor = useCallback(
    (path: string): string | undefined => serverIssues[path] ?? (attempted || touched[path] ? issues[path] : undefined),
    [serverIssues, attempted, touched, issues],
  )

  /** Messages the API sent for something the form does not show (e.g. a changed guide). */
  const unplaced = Object.entries(serverIssues).filter(([path]) => !PLACED.test(path)).map(([, message]) => message)

  const clearServer = (prefix: string) =>
    setServerIssues((previous) => {
      const keys = Object.keys(previous).filter((path) => path === prefix || path.startsWith(`${prefix}[`) || path.startsWith(`${prefix}.`))
      if (!keys.length) return previous
      const next = { ...previous }
      keys.forEach((key) => delete next[key])
      return next
    })

  const update = (path: string, change: (form: ApplyForm) => ApplyForm) => {
    setForm((previous) => (previous ? change(previous) : previous))
    clearServer(path)
  }

  const touch = useCallback((path: string) => setTouched((previous) => (previous[path] ? previous : { ...previous, [path]: true })), [])

  const setPerson = (who: 'person' | 'agent', key: keyof PersonInput, value: string) =>
    update(`applicant.${who}.${key}`, (f) => ({ ...f, [who]: { ...f[who], [key]: value } }))
  const setEnterprise = (key: keyof EnterpriseInput, value: string) =>
    update(`applicant.enterprise.${key}`, (f) => ({ ...f, enterprise: { ...f.enterprise, [key]: value } }))
  const setKind = (kind: ApplicantKind) => update('applicant', (f) => ({ ...f, applicantKind: kind }))
  const setOnBehalf = (onBehalf: boolean) => update('applicant.agent', (f) => ({ ...f, onBehalf }))
  const setField = (key: string, value: string) => update(`fields.${key}`, (f) => ({ ...f, fields: { ...f.fields, [key]: value } }))

  /** 告知承诺制: replace the material by its commitment (confirmed or not yet), or go back to uploading it (null). */
  const setCommitment = (material: Material, choice: CommitmentChoice | null) => {
    clearServer(`commitments.${material.id}`)
    update(`materials.${material.id}`, (f) => {
      const commitments = { ...f.commitments }
      if (choice) commitments[material.id] = choice
      else delete commitments[material.id]
      return { ...f, commitments }
    })
  }

  /** Uploading, saving and submitting need the user; signed out, they are sent to sign in first. */
  const signedIn = () => ensureSignedIn(applyUrl(code))

  const pick = async (material: Material, file: PickedFile, replacing: number | null) => {
    const id = material.id
    if (!(await signedIn())) return
    const uploaded = await uploads.upload(id, file, replacing, formRef.current?.materials[id]?.length ?? 0)
    if (!uploaded) return
    update(`materials.${id}`, (f) => {
      const list = [...(f.materials[id] ?? [])]
      if (replacing !== null && replacing < list.length) list[replacing] = uploaded
      else list.push(uploaded)
      return { ...f, materials: { ...f.materials, [id]: list } }
    })
  }

  const removeFile = (material: Material, index: number) => {
    update(`materials.${material.id}`, (f) => {
      const list = (f.materials[material.id] ?? []).filter((_, i) => i !== index)
      const materials = { ...f.materials }
      if (list.length) materials[material.id] = list
      else delete materials[material.id]
      return { ...f, materials }
    })
    uploads.clearError(material.id)
  }

  /** 清空预填: the form without what earlier applications filled in (uploads and the idempotency key are untouched: there are none yet). */
  const clearPrefill = () => {
    if (load.status !== 'ready' || !load.prefilled) return
    const before = load.prefilled
    setForm((f) => (f ? { ...before, materials: f.materials, commitments: f.commitments, idempotencyKey: f.idempotencyKey } : f))
    setTouched({})
    setServerIssues({})
    setLoad({ ...load, prefilled: null })
  }

  const restart = async () => {
    if (!item) return
    await autosave.discard()
    setForm(emptyForm(item))
    setTouched({})
    setAttempted(false)
    setServerIssues({})
    uploads.reset()
    setProblem(null)
    setLoad({ status: 'ready', item, restoredAt: null })
  }

  const uploadsBusy = uploads.busy

  /** Paths in the order they appear on screen, to scroll to the first problem. */
  const scrollToFirst = (paths: string[]) => {
    const first = paths
      .map((path) => fieldId(path))
      .find((id) => typeof document === 'undefined' || document.getElementById(id) !== null)
    if (first) scrollToId(first)
  }

  const enterAtWindow = async (attemptForm: ApplyForm, signedInPerson: boolean) => {
    try {
      const receipt = await enterHallIntake({ ...toApplicationBody(attemptForm, item!), signedInPerson }, attemptForm.idempotencyKey as string)
      intake!.onReceipt(receipt)
      return true
    } catch (caught) {
      return caught
    }
  }

  const submit = async (options: { signedInPerson?: boolean } = {}) => {
    if (!form || !item || !schema || submitting) return
    if (!(await signedIn())) return
    setProblem(null)
    if (uploadsBusy) {
      void Taro.showToast({ title: S.waitUploads, icon: 'none' })
      return
    }
    setAttempted(true)
    const found = validateForm(form, item, schema)
    const paths = Object.keys(found)
    if (paths.length) {
      void Taro.showToast({ title: S.fixProblems(paths.length), icon: 'none' })
      scrollToFirst(paths)
      return
    }
    setSubmitting(true)
    // One key per application: made at the first attempt and saved with the draft before the request
    // leaves, so a retry after a lost answer (here or on another device) reuses it.
    const attemptForm = form.idempotencyKey ? form : { ...form, idempotencyKey: randomToken(16) }
    if (attemptForm !== form) setForm(attemptForm)
    if (intake) {
      // At the window the key lives in this page's state: a retry after a lost answer reuses it.
      const outcome = await enterAtWindow(attemptForm, options.signedInPerson === true)
      if (outcome !== true) showFailure(toApiError(outcome))
      setSubmitting(false)
      return
    }
    await autosave.hold()
    await autosave.saveNow(attemptForm)
    try {
      const created = await submitApplication(toApplicationBody(attemptForm, item), attemptForm.idempotencyKey as string)
      autosave.finish()
      void Taro.redirectTo({ url: submittedUrl(created.caseNumber) })
      return
    } catch (caught) {
      showFailure(toApiError(caught))
    }
    setSubmitting(false)
    autosave.release()
  }

  /** What a refused or failed submission tells the applicant, where it belongs on the form. */
  function showFailure(error: ApiError) {
    if (['COMMON_VALIDATION_FAILED', 'APPLY_MATERIAL_INVALID', 'APPLY_COMMITMENT_INVALID', 'APPLY_COMMITMENT_NOT_SIGNED'].includes(error.code)) {
      const fromServer = issuesFromDetails(error)
      setServerIssues(fromServer)
      scrollToFirst(Object.keys(fromServer))
      setProblem({ message: error.code === 'COMMON_VALIDATION_FAILED' ? S.fixProblems(Object.keys(fromServer).length) : error.message, toCases: false })
    } else if (error.code === 'APPLY_IDEMPOTENCY_KEY_REUSED') {
      // An earlier attempt with this key created a case from different content: look there first.
      setForm((f) => (f ? { ...f, idempotencyKey: null } : f))
      setProblem({ message: error.message, toCases: true })
    } else if (error.code === 'APPLY_SUBMISSION_IN_PROGRESS') {
      setProblem({ message: error.message, toCases: true })
    } else if (error.status === null || error.code === 'COMMON_INTERNAL') {
      // No answer, or a failure after the request arrived: the case may or may not exist.
      setProblem({ message: S.submitUncertain, toCases: false })
    } else {
      setProblem({ message: error.message, toCases: false })
    }
  }

  return {
    load,
    reload: () => setAttempt((n) => n + 1),
    item,
    form,
    errorFor,
    unplaced,
    touch,
    setPerson,
    setEnterprise,
    setKind,
    setOnBehalf,
    setField,
    slots: uploads.slots,
    previews: uploads.previews,
    pick,
    removeFile,
    setCommitment,
    restart,
    clearPrefill,
    submit,
    submitting,
    uploadsBusy,
    problem,
    autosave: { state: autosave.state, savedAt: autosave.savedAt },
  }
}
