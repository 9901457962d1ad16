import Taro from '@tarojs/taro'
import type { AssistedChannel, FieldIssue, OnBehalf } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { ASSISTED_CHANNELS } from '@ah-tourism/shared/src/feedback/model'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { DetailRow } from '@/features/cases/case-view'
import { backOr } from '@/features/cases/routes'
import { INBOX_PAGE, RECORD_PAGE } from '@/features/staff/routes'
import { scrollToId } from '@/services/scroll'
import { ComplaintTab } from './complaint-tab'
import { ConsultationTab } from './consultation-tab'
import { EvaluationTab } from './evaluation-tab'
import { checkPerson, toOnBehalf, type PersonDraft, type RecordContext, type RecordResult } from './person'
import { FEEDBACK_CHANNEL_NAMES } from '@/features/staff/labels'
import { RECORD_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import './index.scss'

type Kind = RecordResult['kind']
const KINDS: Kind[] = ['evaluation', 'consultation', 'complaint']
const ID = { name: 'f-record-onBehalf-name', mobile: 'f-record-onBehalf-mobile', channel: 'f-record-channel' }
const PERSON_PATHS = ['onBehalf.name', 'onBehalf.mobile']

function Result({ result, onAgain }: { result: RecordResult; onAgain: () => void }) {
  return (
    <Section title={S.saved}>
      <View className='record__result' role='status'>
        <Text className='record__result-text'>{S.savedText[result.kind]}</Text>
        <DetailRow label={S.number[result.kind]}>
          <Text className='case-header__number record__number' userSelect>
            {result.number}
          </Text>
        </DetailRow>
      </View>
      <View
        className='record__link'
        role='link'
        aria-role='link'
        aria-label={S.openLabel(result.linkText, result.number)}
        hoverClass='record__link--pressed'
        onClick={() => void Taro.navigateTo({ url: result.url })}
      >
        <Text>{result.linkText}</Text>
        <Text aria-hidden='true'>›</Text>
      </View>
      <ActionButton block variant='secondary' onTap={onAgain}>
        {S.again}
      </ActionButton>
    </Section>
  )
}

/**
 * 代为登记: pages/staff/record/index — hall-window and 12301 staff record an evaluation, a
 * consultation or a complaint for someone who is not using the app. The channel follows the staff
 * member's permission (a choice when they have both); the person's name and mobile go with the
 * record (`onBehalf`). Afterwards the new record's number and a link to it.
 */
export default function RecordPage() {
  usePageTitle()
  const user = useSignedIn(RECORD_PAGE)
  const staff = user?.staff
  const channels = (Object.keys(ASSISTED_CHANNELS) as AssistedChannel[]).filter((channel) => staff?.permissions.includes(ASSISTED_CHANNELS[channel]))
  const [person, setPerson] = useState<PersonDraft>({ channel: channels[0] ?? 'hall_window', name: '', mobile: '' })
  const [personIssues, setPersonIssues] = useState<Record<string, string>>({})
  const [kind, setKind] = useState<Kind>('evaluation')
  const [result, setResult] = useState<RecordResult | null>(null)
  const [round, setRound] = useState(0)

  if (!user) return <SignInRequired returnUrl={RECORD_PAGE} />
  if (!staff || !channels.length) {
    return <StatusView kind='empty' title={S.forbidden} description={S.forbiddenHint} actionText={S.toInbox} onAction={() => backOr(INBOX_PAGE)} />
  }
  // The permission may have changed since the page opened.
  const channel = channels.includes(person.channel) ? person.channel : (channels[0] as AssistedChannel)

  const setField = (key: 'name' | 'mobile') => (value: string) => {
    setPerson((previous) => ({ ...previous, [key]: value }))
    setPersonIssues(({ [`onBehalf.${key}`]: _dropped, ...rest }) => rest)
  }

  const context: RecordContext = {
    takePerson: (): OnBehalf | null => {
      const draft = { ...person, channel }
      const found = checkPerson(draft)
      setPersonIssues(found)
      if (found['onBehalf.name'] || found['onBehalf.mobile']) {
        void Taro.showToast({ title: S.fix, icon: 'none' })
        scrollToId(found['onBehalf.name'] ? ID.name : ID.mobile)
        return null
      }
      return toOnBehalf(draft)
    },
    placePersonIssues: (details: FieldIssue[]) => {
      const placed: Record<string, string> = {}
      for (const issue of details) if (PERSON_PATHS.includes(issue.path)) placed[issue.path] ??= issue.message
      if (Object.keys(placed).length) {
        setPersonIssues(placed)
        scrollToId(placed['onBehalf.name'] ? ID.name : ID.mobile)
      }
      return details.filter((issue) => !PERSON_PATHS.includes(issue.path))
    },
    onSaved: (saved) => {
      setResult(saved)
      scrollToId('record-top')
    },
  }

  const again = () => {
    setResult(null)
    setPerson({ channel, name: '', mobile: '' })
    setPersonIssues({})
    setRound((n) => n + 1)
  }

  const nameError = personIssues['onBehalf.name']
  const mobileError = personIssues['onBehalf.mobile']
  return (
    <View className='case-page record' id='record-top'>
      <View className='case-header'>
        <View className='case-header__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='case-header__hint'>{S.text}</Text>
      </View>

      {result ? (
        <Result result={result} onAgain={again} />
      ) : (
        <>
          <Section title={S.person}>
            {channels.length > 1 ? (
              <FormField id={ID.channel} label={S.channel} required>
                <ChoiceGroup
                  label={S.channel}
                  options={channels.map((value) => ({ value, label: FEEDBACK_CHANNEL_NAMES[value] }))}
                  value={channel}
                  onChange={(value) => setPerson((previous) => ({ ...previous, channel: value as AssistedChannel }))}
                />
              </FormField>
            ) : (
              <DetailRow label={S.channel}>
                <Text className='record__channel'>{FEEDBACK_CHANNEL_NAMES[channel]}</Text>
              </DetailRow>
            )}
            <FormField id={ID.name} label={S.name} required error={nameError}>
              <TextInput id={ID.name} value={person.name} label={S.name} placeholder={S.namePlaceholder} maxLength={30} invalid={!!nameError} describedBy={describedBy(ID.name, false, !!nameError)} onChange={setField('name')} />
            </FormField>
            <FormField id={ID.mobile} label={S.mobile} hint={S.mobileHint} error={mobileError}>
              <TextInput
                id={ID.mobile}
                value={person.mobile}
                label={S.mobile}
                placeholder={S.mobilePlaceholder}
                maxLength={11}
                mode='tel'
                invalid={!!mobileError}
                describedBy={describedBy(ID.mobile, true, !!mobileError)}
                onChange={setField('mobile')}
              />
            </FormField>
          </Section>

          <View className='record__tabs' role='tablist' aria-label={S.kinds}>
            {KINDS.map((value) => {
              const selected = value === kind
              return (
                <View
                  key={value}
                  className={`record__tab${selected ? ' record__tab--selected' : ''}`}
                  role='tab'
                  aria-role='tab'
                  aria-selected={selected ? 'true' : 'false'}
                  aria-label={S[value]}
                  onClick={() => setKind(value)}
                >
                  {S[value]}
                </View>
              )
            })}
          </View>

          <View className='section record__body' role='tabpanel' aria-label={S[kind]} key={`${kind}-${round}`}>
            {kind === 'evaluation' ? <EvaluationTab {...context} /> : null}
            {kind === 'consultation' ? <ConsultationTab {...context} regionCode={staff.regionCode} /> : null}
            {kind === 'complaint' ? <ComplaintTab {...context} /> : null}
          </View>
        </>
      )}
    </View>
  )
}
