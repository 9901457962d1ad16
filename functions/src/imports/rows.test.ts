import type { RawRow } from './parse';
import { parseNationalTime, validateRow } from './rows';

const NOW = new Date('2026-12-01T00:00:00Z');
const good = {
  nationalCaseNumber: 'QG-2026-0001',
  itemCode: '0100117000',
  organisationCode: '113410000039113649',
  applicantType: '个人',
  applicantName: '程晓雨',
  applicantIdNumber: '341002199003071238',
  applicantMobile: '13955912345',
  appliedAt: '2026-11-02 09:00',
  acceptedAt: '2026-11-02 10:00',
  status: '已办结',
  finishedAt: '2026-11-10 16:00',
  result: '准予许可',
};
const row = (values: Record<string, string | undefined>, steps?: unknown): RawRow => ({ row: 7, values: Object.fromEntries(Object.entries({ ...good, ...values }).filter(([, v]) => v !== undefined)), ...(steps ? { steps } : {}) });
const problems = (raw: RawRow) => {
  const result = validateRow(raw, NOW);
  return 'problems' in result ? result.problems : [];
};

describe('a national record row, checked on its own', () => {
  it('reads China time in the forms the national system exports, and refuses impossible dates', () => {
    expect(parseNationalTime('2026-11-02 09:00')).toBe('2026-11-02T01:00:00.000Z');
    expect(parseNationalTime('2026/11/2 9:05:30')).toBe('2026-11-02T01:05:30.000Z');
    expect(parseNationalTime('2026-11-02')).toBe('2026-11-01T16:00:00.000Z');
    expect(parseNationalTime('2026-11-02T09:00:00+08:00')).toBe('2026-11-02T01:00:00.000Z');
    expect(parseNationalTime('2026-02-30 10:00')).toBeUndefined();
    expect(parseNationalTime('2026-11-02 25:00')).toBeUndefined();
    expect(parseNationalTime('十一月二日')).toBeUndefined();
  });

  it('turns a good row into a record: the applicant checked, times as instants, steps sorted, the result mapped', () => {
    const result = validateRow(row({ steps: '决定@2026-11-09 10:00；审查@2026-11-05 10:00' }), NOW);
    expect(result).toEqual({
      record: {
        row: 7,
        nationalCaseNumber: 'QG-2026-0001',
        itemCode: '0100117000',
        organisationCode: '113410000039113649',
        applicant: { kind: 'person', name: '程晓雨', idNumber: '341002199003071238', mobile: '13955912345' },
        appliedAt: '2026-11-02T01:00:00.000Z',
        acceptedAt: '2026-11-02T02:00:00.000Z',
        status: '已办结',
        finishedAt: '2026-11-10T08:00:00.000Z',
        result: 'approved',
        steps: [
          { name: '审查', at: '2026-11-05T02:00:00.000Z' },
          { name: '决定', at: '2026-11-09T02:00:00.000Z' },
        ],
      },
    });
    const enterprise = validateRow(row({ applicantType: '企业', applicantName: '黄山云海旅行社有限公司', applicantIdNumber: '91341000ma2t3k4l5j', applicantMobile: undefined }), NOW);
    expect('record' in enterprise && enterprise.record.applicant).toEqual({ kind: 'enterprise', name: '黄山云海旅行社有限公司', creditCode: '91341000MA2T3K4L5J' });
  });

  it('names every field that is wrong, in Chinese, with what to do', () => {
    expect(problems(row({ applicantIdNumber: '341002199003071239', applicantMobile: '1395591234', organisationCode: '113410000039113640' }))).toEqual([
      { field: '实施机构代码', problem: '实施机构代码不正确：应为18位统一社会信用代码，请核对校验位' },
      { field: '联系电话', problem: '手机号码应为11位，以1开头' },
      { field: '证件号码', problem: expect.stringMatching(/^身份证号码不正确：.*校验/) },
    ]);
    expect(problems(row({ applicantType: '企业', applicantName: '黄山云海旅行社有限公司', applicantIdNumber: '91341000MA2T3K4L5K' }))).toEqual([
      { field: '证件号码', problem: '统一社会信用代码不正确：应为18位，请核对校验位' },
    ]);
    expect(problems(row({ nationalCaseNumber: 'Q', itemCode: '01001', applicantType: '单位' }))).toEqual([
      { field: '办件编号', problem: '办件编号应为4-40位字母、数字、-或_' },
      { field: '事项编码', problem: '事项编码应为35位实施编码或10位基本编码' },
      { field: '申请人类型', problem: '申请人类型应为“个人”或“企业”' },
    ]);
    expect(problems(row({ applicantName: undefined, appliedAt: undefined }))).toEqual([
      { field: '申请人名称', problem: '请填写申请人名称' },
      { field: '申请时间', problem: '请填写申请时间' },
    ]);
    expect(problems({ row: 3, values: {} })).toEqual([{ field: '整行', problem: '该条没有可识别的内容，请按导入说明填写各列' }]);
  });

  it('checks times against each other and against now', () => {
    expect(problems(row({ acceptedAt: '2026-11-01 10:00' }))).toEqual([{ field: '受理时间', problem: '受理时间不能早于申请时间' }]);
    expect(problems(row({ finishedAt: '2026-11-02 09:30' }))).toEqual([{ field: '办结时间', problem: '办结时间不能早于受理时间' }]);
    expect(problems(row({ finishedAt: '2027-01-02 09:30' }))).toEqual([{ field: '办结时间', problem: '办结时间不能晚于当前时间' }]);
    expect(problems(row({ appliedAt: '2026-11-31 09:00' }))).toEqual([{ field: '申请时间', problem: '申请时间格式不正确，应为“YYYY-MM-DD HH:mm”（北京时间）' }]);
  });

  it('asks for what each status needs, and refuses what it cannot have', () => {
    expect(problems(row({ result: undefined }))).toEqual([{ field: '办理结果', problem: '已办结的办件请填写办理结果（准予许可或不予许可）' }]);
    expect(problems(row({ result: '通过' }))).toEqual([{ field: '办理结果', problem: '办理结果应为“准予许可”（准予）或“不予许可”（不予）' }]);
    expect(problems(row({ status: '办理中' }))).toEqual([
      { field: '办结时间', problem: '办件状态为“办理中”时不应有办结时间' },
      { field: '办理结果', problem: '办件状态为“办理中”时不应有办理结果' },
    ]);
    expect(problems(row({ status: '不予受理', result: undefined }))).toEqual([{ field: '受理时间', problem: '不予受理的办件不应有受理时间' }]);
    expect(problems(row({ status: '已撤回', finishedAt: undefined, result: undefined }))).toEqual([{ field: '办结时间', problem: '已撤回的办件请填写办结时间（撤回的时间）' }]);
    expect(problems(row({ status: '已完成' }))).toEqual([{ field: '办件状态', problem: '办件状态应为：已受理、办理中、已办结、不予受理、已撤回' }]);
  });

  it('checks each step: name, time, and that it lies within the case', () => {
    expect(problems(row({ steps: '审查' }))).toEqual([{ field: '办理环节', problem: '第1个办理环节“审查”的时间格式不正确，应为“YYYY-MM-DD HH:mm”' }]);
    expect(problems(row({ steps: '审查@2026-11-12 10:00' }))).toEqual([{ field: '办理环节', problem: '第1个办理环节“审查”的时间应在申请时间与办结时间之间' }]);
    expect(problems(row({}, [{ name: '', at: '2026-11-05 10:00' }]))).toEqual([{ field: '办理环节', problem: '第1个办理环节缺少名称或名称超过30个字（格式：环节名称@时间）' }]);
  });
});
