import { useLanguageForThisRun } from '@/i18n/catalogue'
import { clientError } from './api-error'
import { simulatedContent } from './strings'

/** What the services themselves show: Chinese by default, English when the run is in English. */
afterEach(() => useLanguageForThisRun('zh-CN'))

test('failures before the API answers read in the language of the run', () => {
  expect(clientError('NETWORK_TIMEOUT').message).toBe('网络请求超时，请稍后重试')
  useLanguageForThisRun('en')
  expect(clientError('NETWORK_TIMEOUT').message).toBe('The request timed out. Please try again later.')
  expect(clientError('NETWORK_TIMEOUT').code).toBe('NETWORK_TIMEOUT')
})

test('the simulated subscription dialog lists the notices with the language’s separator', () => {
  expect(simulatedContent(['受理通知', '办结通知'])).toBe('受理通知、办结通知\n（本地开发环境没有微信订阅弹窗，此对话框代替它）')
  useLanguageForThisRun('en')
  expect(simulatedContent(['Accepted', 'Decided'])).toBe(
    'Accepted, Decided\n(The local development environment has no WeChat subscription prompt; this dialog stands in for it.)',
  )
})
