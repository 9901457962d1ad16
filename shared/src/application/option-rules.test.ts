import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import { validateCatalogItemFile } from '../../../scripts/seed/catalog-data';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allowedOptions, fieldsSchema, optionRuleProblems } from './fields';

const seed = loadCatalogSeed();
const rating = (regionCode: string) => seed.items.find((i) => i.name === 'A级旅游景区质量等级评定' && i.regionCode === regionCode)!;
const grade = (item: ReturnType<typeof rating>) => item.applicationFields.find((f) => f.key === 'targetGrade')!;
const fields = { scenicName: '黄山翡翠谷景区', scenicAddress: '黄山市黄山区汤口镇翡翠谷' };

describe('choice options limited per implementation (a city rates 3A and below)', () => {
  it('seeds every city with 3A and below and the province with 4A, as their conditions say', () => {
    const cities = seed.items.filter((i) => i.name === 'A级旅游景区质量等级评定' && i.level === 'city');
    expect(cities).toHaveLength(16);
    for (const city of cities) {
      expect(city.guide.conditions[0]).toBe('申报3A级及以下等级旅游景区');
      expect(allowedOptions(grade(city), city.optionRules)).toEqual(['A级', 'AA级', 'AAA级']);
    }
    const province = rating('340000');
    expect(province.guide.conditions[0]).toBe('申报4A级旅游景区');
    expect(allowedOptions(grade(province), province.optionRules)).toEqual(['AAAA级']);
  });

  it('refuses a grade the implementation does not handle, with the rule as the field’s message', () => {
    const city = rating('341000');
    const schema = fieldsSchema(city.applicationFields, city.optionRules);
    expect(schema.safeParse({ ...fields, targetGrade: 'AAA级' }).success).toBe(true);
    const refused = schema.safeParse({ ...fields, targetGrade: 'AAAA级' });
    expect(refused.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([
      { path: 'targetGrade', message: '市级文化和旅游部门受理3A级及以下等级旅游景区的评定申请；申报4A级旅游景区，请向安徽省文化和旅游厅申请' },
    ]);
    // Something that is not an option at all keeps the item's own message.
    expect(schema.safeParse({ ...fields, targetGrade: '5A' }).error?.issues[0]?.message).toBe('请从选项中选择申报等级');
  });

  it('offers every option of the item where no rule limits it', () => {
    const star = seed.items.find((i) => i.applicationFields.some((f) => f.key === 'targetStar'))!;
    const field = star.applicationFields.find((f) => f.key === 'targetStar')!;
    expect(allowedOptions(field, star.optionRules)).toEqual(field.options);
  });

  it('rejects a rule naming a field that is not a choice, or options the item does not have', () => {
    const city = rating('341000');
    expect(
      optionRuleProblems(city.applicationFields, [
        { field: 'scenicName', options: ['A级'], rule: '规则' },
        { field: 'targetGrade', options: ['AAA级', 'AAAAA级'], rule: '规则' },
      ]),
    ).toEqual([
      { path: 'optionRules[0].field', message: '申请表中没有选择题“scenicName”' },
      { path: 'optionRules[1].options', message: '“申报等级”没有选项：AAAAA级' },
    ]);
  });

  it('reports a wrong rule in a seed file with its file and city, and leaves that entry out', () => {
    const file = 'data/items/ajijingqu-pingding.json';
    const json = JSON.parse(readFileSync(path.join(__dirname, '../../..', file), 'utf8'));
    json.implementations[1].optionRules[0].options = ['AAA级', 'AAAAA级'];
    const { items, problems } = validateCatalogItemFile(json, file, { regions: seed.regions, organisations: seed.organisations });
    expect(items.filter((i) => i.level === 'city')).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file, path: 'optionRules[0].options', message: '“申报等级”没有选项：AAAAA级' }));
  });
});
