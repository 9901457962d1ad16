import { COMMENT_MAX_LENGTH, complaintActions, isBadReview, sanitiseComment } from './model';

describe('comments as stored and shown', () => {
  it('drops markup and control characters and collapses whitespace', () => {
    expect(sanitiseComment('  <script>alert(1)</script>办理<b>很慢</b>\u0000\n\n  请改进 ')).toBe('alert(1) 办理 很慢 请改进');
  });

  it('masks mobile and identity numbers written into a comment', () => {
    expect(sanitiseComment('打13912345678没人接，我的身份证34010219900101123X')).toBe('打139****5678没人接，我的身份证340***********123X');
  });

  it('cuts to the limit by characters, not bytes', () => {
    expect(Array.from(sanitiseComment('慢'.repeat(COMMENT_MAX_LENGTH + 50)))).toHaveLength(COMMENT_MAX_LENGTH);
  });
});

describe('the 好差评 levels and the complaint steps', () => {
  it('counts only 不满意 and 非常不满意 as bad reviews', () => {
    expect(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'].map((l) => isBadReview(l as never))).toEqual([false, false, false, true, true]);
  });

  it('offers accept, refuse or transfer first, then mediation and closing', () => {
    expect(complaintActions('received')).toEqual(['accept', 'refuse', 'transfer']);
    expect(complaintActions('accepted')).toEqual(['mediate', 'close']);
    expect(complaintActions('closed')).toEqual([]);
  });
});
