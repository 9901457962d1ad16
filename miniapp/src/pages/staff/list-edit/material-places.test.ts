/// <reference types="jest" />
import { placeIssues, type EntryForm } from './entry-form'
import { formFields } from './form-places'

const form: EntryForm = { name: '星级饭店评定', guide: { materials: [{ id: 'a' }, { id: 'b' }, { id: 'material-3' }], legalBasis: [] } }

describe('the API problems about materials on the list-edit form', () => {
  it('shows each at the field it is about', () => {
    const issues = [
      { path: 'guide.materials[2].condition', message: '材料“场所照片”为情形必要，须写明适用情形' },
      { path: 'guide.materials[2].licenceName', message: '须写明证照名称和发证部门' },
      { path: 'guide.materials[1].commitment', message: '材料“营业执照”不适用告知承诺' },
      { path: 'guide.materials[0].commitment.text', message: '承诺内容不能为空' },
      { path: 'guide.materials[0].requiredWhen', message: '必要性应为情形必要' },
      { path: 'guide.materials[2].id', message: '材料标识 a 重复' },
      { path: 'guide.materials[1].copies', message: '份数过多' },
      { path: 'guide.materials[0].sample.sha256', message: '示例样表未上传' },
      { path: 'guide.materials', message: '申请材料须包含授权委托书' },
      { path: 'guide.materials[1].fileSpec.minKB', message: '文件大小下限不能大于上限' },
      { path: 'guide.materials[2].fileSpec.types[0]', message: '文件格式须为 pdf、jpg 或 png' },
    ]
    const { placed, unplaced } = placeIssues(issues, formFields(form))
    expect(unplaced).toEqual([])
    expect(placed).toEqual({
      'guide.materials[2].condition': issues[0]!.message,
      'guide.materials[2].licenceName': issues[1]!.message,
      'guide.materials[1].commitment': issues[2]!.message,
      'guide.materials[0].commitment.text': issues[3]!.message,
      'guide.materials[0].necessity': issues[4]!.message,
      'guide.materials[2].name': issues[5]!.message,
      'guide.materials[1].copies': issues[6]!.message,
      'guide.materials[0].sample': issues[7]!.message,
      'guide.materials': issues[8]!.message,
      'guide.materials[1].fileSpec.minKB': issues[9]!.message,
      'guide.materials[2].fileSpec.types': issues[10]!.message,
    })
  })

  it('lists under the form a problem of a material the form does not have', () => {
    expect(placeIssues([{ path: 'guide.materials[7].name', message: '材料名称不能为空' }], formFields(form)).unplaced).toEqual(['材料名称不能为空'])
  })
})
