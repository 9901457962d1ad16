import { useLanguageForThisRun } from '@/i18n/catalogue'
import { APPLY_STRINGS as S, materialsNote, numberRange } from './strings'

/**
 * The application form's texts with optional parts: the Chinese reads exactly as before the English
 * catalogue (browser tests match it), and the English has each part in English.
 */
afterEach(() => useLanguageForThisRun('zh-CN'))

describe('the application form in Chinese', () => {
  test('a number field hint follows its bounds', () => {
    expect(numberRange(1, 99)).toBe('可填1至99')
    expect(numberRange(1)).toBe('不小于1')
    expect(numberRange(undefined, 99)).toBe('不大于99')
    expect(numberRange()).toBe('')
  })

  test('the materials note names only the counts that are not zero', () => {
    expect(materialsNote(3, 0)).toBe('需上传3项')
    expect(materialsNote(3, 1)).toBe('需上传3项，1项免提交')
    expect(materialsNote(2, 1, 1)).toBe('需上传2项，1项免提交，1项以告知承诺代替')
    expect(materialsNote(2, 0, 1)).toBe('需上传2项，1项以告知承诺代替')
  })

  test('licence, upload and guide-change texts keep their optional parts', () => {
    expect(S.licence('导游证')).toBe('证照名称：导游证')
    expect(S.licenceIssued('导游证', '安徽省文化和旅游厅')).toBe('证照名称：导游证（安徽省文化和旅游厅核发）')
    expect(S.uploadLabel('身份证')).toBe('上传身份证')
    expect(S.uploadLabelWhen('授权委托书', '代办时')).toBe('上传授权委托书（代办时）')
    expect(S.guideChanged(2, 3, '2026年12月1日')).toBe('您开始填写时依据的是第2版办事指南，2026年12月1日已发布第3版。提交时按第3版办理，请核对下方的填写内容和材料。')
    expect(S.guideChangedSections(2, 3, '2026年12月1日', ['申请材料', '收费'].join(S.listSeparator))).toBe(
      '您开始填写时依据的是第2版办事指南，2026年12月1日已发布第3版，改动了：申请材料、收费。提交时按第3版办理，请核对下方的填写内容和材料。',
    )
  })
})

describe('the application form in English', () => {
  beforeEach(() => useLanguageForThisRun('en'))

  test('texts and templates are English', () => {
    expect(S.submit).toBe('Submit application')
    expect(numberRange(1, 99)).toBe('From 1 to 99')
    expect(numberRange(undefined, 99)).toBe('At most 99')
    expect(materialsNote(2, 1, 1)).toBe('2 to upload, 1 not needed (from e-licences), 1 replaced by a commitment')
    expect(S.licenceIssued('Tour guide licence', 'the Department')).toBe('Licence: Tour guide licence (issued by the Department)')
    expect(S.guideChangedSections(2, 3, '1 Dec 2026', ['Materials', 'Fees'].join(S.listSeparator))).toContain('changing: Materials, Fees.')
  })

  test('counts take the singular or plural form', () => {
    expect(S.fixProblems(1)).toBe('1 thing needs changing; please follow the hints')
    expect(S.fixProblems(3)).toBe('3 things need changing; please follow the hints')
  })
})
