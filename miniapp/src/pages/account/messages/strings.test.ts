import { useLanguageForThisRun } from '@/i18n/catalogue'
import { MESSAGES_STRINGS as S, messageLabel } from './strings'

/** A message's spoken name: the same Chinese as before, and English with English separators. */
afterEach(() => useLanguageForThisRun('zh-CN'))

test('in Chinese, unread first and the parts joined by a Chinese comma', () => {
  expect(messageLabel('已受理', '您的申请已受理', '12月5日 09:00', true, null)).toBe('未读，已受理，您的申请已受理，12月5日 09:00')
  expect(messageLabel('已受理', '您的申请已受理', '12月5日 09:00', false, '微信推送未送达')).toBe('已受理，您的申请已受理，12月5日 09:00，微信推送未送达')
})

test('in English, the unread tag and separators are English', () => {
  useLanguageForThisRun('en')
  expect(messageLabel('Accepted', 'Your application was accepted', '5 Dec 2026 09:00', true, null)).toBe(
    'Unread, Accepted, Your application was accepted, 5 Dec 2026 09:00',
  )
  expect(S.unread(3)).toBe('3 unread')
})
