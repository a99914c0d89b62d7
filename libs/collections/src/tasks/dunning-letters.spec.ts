import { LETTER_KIND_OF_ACTION, letterChannel, letterNote } from './dunning-letters';

describe("a dunning level's letter", () => {
  it('is the reminder, final notice or pre-trial claim of its action', () => {
    expect(LETTER_KIND_OF_ACTION).toEqual({ reminder: 'reminder', final_notice: 'final_notice', legal_handover: 'pre_trial_claim' });
  });

  it('goes by e-mail only with a billing e-mail and SMTP, else by post, and the task says which', () => {
    expect(letterChannel('email', true, true)).toBe('email');
    expect(letterChannel('email', false, true)).toBe('post');
    expect(letterChannel('email', true, false)).toBe('post');
    expect(letterChannel('post', true, true)).toBe('post');
    expect(letterChannel('none', true, true)).toBe('none');
    expect(letterNote('email', 'email')).toContain('e-mailed');
    expect(letterNote('email', 'post')).toContain('No billing e-mail');
    expect(letterNote('post', 'post')).toContain('post it');
    expect(letterNote('none', 'none')).toBeNull();
  });
});
