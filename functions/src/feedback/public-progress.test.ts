import type { Applicant } from '@ah-tourism/shared';
import { matchesApplicant, normaliseName } from './public-progress';

const person: Applicant = { kind: 'person', person: { name: '张三', idType: 'resident_id', idNumber: '340102199001011234', mobile: '13912345678' } } as Applicant;
const enterprise = {
  kind: 'enterprise',
  enterprise: { name: '黄山云游旅行社有限公司', creditCode: '91341000MA2N0XXXXX' },
  agent: { name: '李四', idType: 'resident_id', idNumber: '340102199001011234', mobile: '13800001111' },
} as unknown as Applicant;

describe('the public progress query', () => {
  it('matches the applicant by name, ignoring spaces, width and case', () => {
    expect(matchesApplicant(person, { name: ' 张 三 ' })).toBe(true);
    expect(matchesApplicant(person, { name: '张四' })).toBe(false);
    expect(matchesApplicant(enterprise, { name: '黄山云游旅行社有限公司' })).toBe(true);
    expect(normaliseName('ＡＢＣ 旅行社')).toBe('abc旅行社');
  });

  it('matches by the last four digits of the applicant or agent mobile', () => {
    expect(matchesApplicant(person, { mobileLast4: '5678' })).toBe(true);
    expect(matchesApplicant(person, { mobileLast4: '0000' })).toBe(false);
    expect(matchesApplicant(enterprise, { mobileLast4: '1111' })).toBe(true);
  });

  it('does not match an agent by name: the query names the applicant', () => {
    expect(matchesApplicant(enterprise, { name: '李四' })).toBe(false);
  });
});
