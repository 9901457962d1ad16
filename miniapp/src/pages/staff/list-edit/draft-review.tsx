import type { GuideChange, ListDraft, ListVersions } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import type { Remote } from '@/hooks/use-remote'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { LIST_EDIT_STRINGS as S } from './strings'

export const publicationDay = (isoDate: string) => chinaDate(`${isoDate}T04:00:00Z`)

/** One change: where, what it was and what it becomes, in words (never by colour alone). */
function ChangeRow({ change }: { change: GuideChange }) {
  const before = change.before ?? S.none
  const after = change.after ?? S.none
  return (
    <View className='list-edit__change' role='listitem' aria-label={S.changeLabel(change.label, before, after)}>
      <Text className='list-edit__change-label'>{change.label}</Text>
      <Text className='list-edit__change-before'>{`${S.before}${before}`}</Text>
      <Text className='list-edit__change-after'>{`${S.after}${after}`}</Text>
    </View>
  )
}

export function ChangeList({ changes }: { changes: GuideChange[] }) {
  if (!changes.length) return <Text className='list-edit__muted'>{S.noChanges}</Text>
  return (
    <View className='list-edit__changes' role='list' aria-label={S.changes}>
      {changes.map((change) => (
        <ChangeRow key={change.path + change.label} change={change} />
      ))}
    </View>
  )
}

/** The draft's state, its review steps (each approved step names who and when), a refusal, and the diff. */
export function DraftReview({ draft }: { draft: ListDraft }) {
  return (
    <>
      <Section title={S.draft}>
        <DetailRow label={S.status}>
          <Text className='list-edit__status'>{draft.statusLabel}</Text>
        </DetailRow>
        <DetailRow label={S.editedBy}>
          <Text>{`${draft.editedBy} · ${chinaDateTime(draft.updatedAt)}`}</Text>
        </DetailRow>
        <DetailRow label={S.steps}>
          <View className='list-edit__steps' role='list'>
            {draft.steps.map((step) => (
              <View key={step.step} className='list-edit__step' role='listitem'>
                <Text aria-hidden='true'>{step.approvedBy ? '✓' : '○'}</Text>
                <Text>{SF.labelValue(step.label, step.approvedBy ? S.stepDone(step.approvedBy, chinaDateTime(step.approvedAt ?? draft.updatedAt)) : S.stepPending)}</Text>
              </View>
            ))}
          </View>
        </DetailRow>
        {draft.rejection ? (
          <View className='list-edit__warning' role='note'>
            <Text className='list-edit__warning-title'>{SF.labelValue(S.rejected, draft.rejection.reason)}</Text>
            <Text>{S.rejectedBy(draft.rejection.by, chinaDateTime(draft.rejection.at))}</Text>
          </View>
        ) : null}
        {draft.stale ? (
          <View className='list-edit__warning' role='alert'>
            <Text>{S.stale}</Text>
          </View>
        ) : null}
        {draft.catalogWide ? <Text className='list-edit__note'>{S.catalogWide}</Text> : null}
      </Section>
      <Section title={S.changes} note={draft.changes.length ? S.changeCount(draft.changes.length) : undefined}>
        <ChangeList changes={draft.changes} />
      </Section>
    </>
  )
}

/** Every published version, newest first: when, by whom, approved by whom, and what changed. */
export function VersionHistory({ versions }: { versions: Remote<ListVersions> }) {
  return (
    <Section title={S.history}>
      {versions.status === 'loading' ? <StatusView kind='loading' compact title={S.historyLoading} /> : null}
      {versions.status === 'error' ? <StatusView kind='error' compact title={versions.error.message} /> : null}
      {versions.status === 'ready' ? (
        <View className='case-history' role='list'>
          {versions.data.versions.map((v) => (
            <View key={v.version} className='list-edit__version' role='listitem'>
              <Text className='case-history__action'>{`${S.versionTitle(v.version)} · ${S.publishedAt(publicationDay(v.publishedAt))}`}</Text>
              {v.publishedBy ? <Text className='case-history__meta'>{S.publishedBy(v.publishedBy)}</Text> : <Text className='case-history__meta'>{S.initial}</Text>}
              {v.approvals?.length ? <Text className='case-history__meta'>{S.approvals(v.approvals.map((a) => `${a.label} ${a.by}`).join(SF.clauseSeparator))}</Text> : null}
              {v.changedSections.length ? <Text className='case-history__opinion'>{S.changed(v.changedSections.join(SF.enumerationSeparator))}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  )
}
