import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import { changedSections, diffEntries } from './guide-diff';
import type { ImplementationItem } from './guide';

const seed = loadCatalogSeed();
const item = seed.items.find((i) => i.name === '旅行社质量保证金存缴' && i.regionCode === '341000')!;
const copy = (): ImplementationItem => structuredClone(item);

describe('diffEntries', () => {
  it('finds nothing between a version and itself, whatever its version number and date', () => {
    expect(diffEntries(item, { ...copy(), version: 2, publishedAt: '2027-01-01' })).toEqual([]);
  });

  it('names a changed field in Chinese with its path, before and after', () => {
    const next = copy();
    next.guide.promisedLimit.workingDays = 0;
    next.guide.place.hours = '周一至周五 8:30-17:30';
    expect(diffEntries(item, next)).toEqual([
      { path: 'guide.promisedLimit.workingDays', label: '承诺办结时限 › 工作日', section: '承诺办结时限', before: '1', after: '0' },
      { path: 'guide.place.hours', label: '办理地点和时间 › 办理时间', section: '办理地点和时间', before: item.guide.place.hours, after: '周一至周五 8:30-17:30' },
    ]);
  });

  it('names a material\'s 告知承诺 text and its consequence in Chinese', () => {
    const next = copy();
    const material = next.guide.materials.find((m) => m.source === 'applicant' && !m.requiredWhen)!;
    material.commitment = { text: '本单位承诺所提交材料真实有效', consequence: '经核查承诺不实的，依法撤销' };
    const index = next.guide.materials.indexOf(material);
    expect(diffEntries(item, next)).toEqual([
      { path: `guide.materials[${index}].commitment.text`, label: `申请材料“${material.name}” › 告知承诺 › 承诺内容`, section: '申请材料', before: null, after: '本单位承诺所提交材料真实有效' },
      { path: `guide.materials[${index}].commitment.consequence`, label: `申请材料“${material.name}” › 告知承诺 › 承诺不实的后果`, section: '申请材料', before: null, after: '经核查承诺不实的，依法撤销' },
    ]);
  });

  it('follows a material by its id, so a reordered list shows only what really changed', () => {
    const next = copy();
    next.guide.materials.reverse();
    next.guide.materials[0]!.acceptanceStandard = '加盖公章的原件';
    const changes = diffEntries(item, next);
    const material = next.guide.materials[0]!;
    expect(changes).toEqual([
      {
        path: 'guide.materials[0].acceptanceStandard',
        label: `申请材料“${material.name}” › 受理标准`,
        section: '申请材料',
        before: item.guide.materials.find((m) => m.id === material.id)!.acceptanceStandard,
        after: '加盖公章的原件',
      },
    ]);
  });

  it('shows added and removed materials, and words choices and yes/no as people read them', () => {
    const next = copy();
    const removed = next.guide.materials.splice(0, 1)[0]!;
    next.guide.negativeList = { listed: true, reason: '须核验银行原件' };
    next.guide.visitsRequired = 1;
    const changes = diffEntries(item, next);
    expect(changes).toContainEqual({ path: 'guide.negativeList.listed', label: '网上审批负面清单信息 › 是否列入负面清单', section: '网上审批负面清单信息', before: '否', after: '是' });
    expect(changes).toContainEqual(expect.objectContaining({ path: 'guide.negativeList.reason', before: null, after: '须核验银行原件' }));
    expect(changes).toContainEqual(expect.objectContaining({ label: `申请材料“${removed.name}” › 材料必要性`, before: '必要', after: null }));
    expect(changedSections(changes)).toEqual(['到现场次数', '网上审批负面清单信息', '申请材料']);
  });

  it('compares the catalog elements too: name and legal basis', () => {
    const next = copy();
    next.name = '旅行社质量保证金交存';
    next.guide.legalBasis[0]!.articles = '第十三条';
    expect(diffEntries(item, next)).toEqual([
      { path: 'name', label: '事项名称', section: '事项名称', before: '旅行社质量保证金存缴', after: '旅行社质量保证金交存' },
      { path: 'guide.legalBasis[0].articles', label: '设定依据第1项 › 条款', section: '设定依据', before: '第十三条、第十四条', after: '第十三条' },
    ]);
  });
});
