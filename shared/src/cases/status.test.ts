import { CASE_STATUS_KEYS, CASE_TRANSITIONS, CASE_TRANSITION_KEYS, applicantActions, nextStatus, staffActions } from './status';

describe('the case lifecycle', () => {
  it('reaches every status from submission, and every non-final status has a way on', () => {
    const reached = new Set<string>(['pre_review']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const action of CASE_TRANSITION_KEYS) {
        for (const from of CASE_TRANSITIONS[action].from) {
          const to = from && reached.has(from) ? nextStatus(action, from) : undefined;
          if (to && !reached.has(to)) {
            reached.add(to);
            changed = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUS_KEYS].sort());
  });

  it('offers each role only its own legal actions', () => {
    expect(staffActions('pre_review', ['pre_review'])).toEqual(['request_supplement', 'accept', 'not_accept', 'transfer']);
    expect(staffActions('pre_review', ['decide'])).toEqual(['mark_commitment_false']);
    expect(staffActions('reviewed', ['decide'])).toEqual(['approve', 'refuse', 'mark_commitment_false']);
    expect(staffActions('accepted', ['review'])).toEqual(['start_special_procedure', 'complete_review', 'mark_commitment_false']);
    // A false commitment found after the decision (事中事后监管) can still be marked; nothing else happens to a closed case.
    expect(staffActions('closed', ['pre_review', 'review', 'decide', 'deliver'])).toEqual(['mark_commitment_false']);
    expect(staffActions('closed', ['pre_review', 'deliver'])).toEqual([]);
    expect(staffActions('closed', ['decide'])).toEqual(['mark_commitment_false']);
    expect(staffActions('withdrawn', ['review'])).toEqual([]);
    expect(applicantActions('supplement_requested')).toEqual(['resubmit', 'withdraw']);
    expect(applicantActions('approved')).toEqual([]);
  });

  it('marks a false commitment without changing the status', () => {
    expect(nextStatus('mark_commitment_false', 'approved')).toBe('approved');
    expect(nextStatus('mark_commitment_false', 'withdrawn')).toBeUndefined();
    expect(CASE_TRANSITIONS.mark_commitment_false.requires).toEqual(['commitment', 'opinion']);
  });

  it('refuses transitions from the wrong status', () => {
    expect(nextStatus('approve', 'pre_review')).toBeUndefined();
    expect(nextStatus('accept', 'pre_review')).toBe('accepted');
    expect(nextStatus('transfer', 'pre_review')).toBe('pre_review');
  });

  it('makes refusals carry a reason and the legal remedy', () => {
    for (const action of ['not_accept', 'refuse'] as const) expect(CASE_TRANSITIONS[action].requires).toEqual(expect.arrayContaining(['reason', 'legal_remedy']));
  });
});
