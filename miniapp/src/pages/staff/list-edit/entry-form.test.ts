/// <reference types="jest" />
import { materialSchema } from '@ah-tourism/shared/src/catalog/guide'
import { fieldId, moved, newMaterial, newMaterialId, withChoice, withValue, type EntryForm } from './entry-form'

const ID = /^[a-z0-9-]{1,40}$/

describe('newMaterialId', () => {
  it('names a new material after the count, skipping ids the guide already uses', () => {
    expect(newMaterialId([])).toBe('material-1')
    expect(newMaterialId(['application', 'agent-authorisation'])).toBe('material-3')
    expect(newMaterialId(['material-3', 'a', 'material-4'])).toBe('material-5')
  })

  it('always gives an id the guide schema accepts and no other material has', () => {
    const taken: string[] = ['material-2']
    for (let i = 0; i < 30; i += 1) {
      const id = newMaterialId(taken)
      expect(id).toMatch(ID)
      expect(taken).not.toContain(id)
      taken.push(id)
    }
  })
})

describe('newMaterial', () => {
  it('starts a material the schema refuses only for what the editor must write (name, acceptance standard)', () => {
    const material = newMaterial([{ id: 'material-2' }, { id: 'x' }])
    expect(material.id).toBe('material-3')
    const parsed = materialSchema.safeParse(material)
    expect(parsed.success).toBe(false)
    const paths = parsed.error!.issues.map((issue) => issue.path.join('.'))
    expect(paths.sort()).toEqual(['acceptanceStandard', 'name'])
    expect(materialSchema.safeParse({ ...material, name: '场所照片', acceptanceStandard: '清晰可辨' }).success).toBe(true)
  })
})

describe('moved', () => {
  it('moves one element up or down and leaves the list as it is at either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('does not change the list it is given', () => {
    const list = ['a', 'b']
    moved(list, 0, 1)
    expect(list).toEqual(['a', 'b'])
  })
})

describe('withChoice', () => {
  const licence = { id: 'x', necessity: 'conditional', condition: '提供餐饮服务的', source: 'issued_licence', licenceName: '食品经营许可证', issuer: '市场监督管理部门' }

  it('drops 适用情形 when the material is no longer 情形必要', () => {
    expect(withChoice(licence, 'necessity', 'required')).not.toHaveProperty('condition')
    expect(withChoice(licence, 'necessity', 'conditional')).toHaveProperty('condition', '提供餐饮服务的')
  })

  it('drops 证照名称 and 发证部门 when the material is no longer issued by a department', () => {
    const own = withChoice(licence, 'source', 'applicant')
    expect(own).toMatchObject({ source: 'applicant' })
    expect(own).not.toHaveProperty('licenceName')
    expect(own).not.toHaveProperty('issuer')
  })

  it('keeps the machine-read condition of the authorisation letter, for the API to judge', () => {
    expect(withChoice({ necessity: 'conditional', requiredWhen: 'agent', condition: '委托办理的' }, 'necessity', 'optional')).toEqual({ necessity: 'optional', requiredWhen: 'agent' })
  })

  it('changes kind and form and nothing else', () => {
    expect(withChoice(licence, 'kind', 'copy')).toEqual({ ...licence, kind: 'copy' })
    expect(withChoice(licence, 'form', 'paper')).toEqual({ ...licence, form: 'paper' })
  })
})

describe('a commitment in the form', () => {
  const form: EntryForm = { name: '星级饭店评定', guide: { materials: [{ id: 'a', name: '申请表' }] } }

  it('is set and removed at the material, and its text is edited in place', () => {
    const on = withValue(form, 'guide.materials[0].commitment', { text: '' })
    const written = withValue(on, 'guide.materials[0].commitment.text', '本单位承诺所提交材料真实有效')
    expect(written.guide.materials).toEqual([{ id: 'a', name: '申请表', commitment: { text: '本单位承诺所提交材料真实有效' } }])
    expect(withValue(written, 'guide.materials[0].commitment', undefined).guide.materials).toEqual([{ id: 'a', name: '申请表' }])
  })

  it('has an element id for each new path', () => {
    expect(fieldId('guide.materials[8].commitment.text')).toBe('le-guide-materials-8-commitment-text')
    expect(fieldId('guide.materials[8].condition')).toBe('le-guide-materials-8-condition')
  })
})
