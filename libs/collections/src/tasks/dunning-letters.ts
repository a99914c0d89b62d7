import { DunningAction } from '../policies/dunning-policy-level.entity';

/** The letter each dunning action sends the debtor. */
export const LETTER_KIND_OF_ACTION: Readonly<Record<DunningAction, 'reminder' | 'final_notice' | 'pre_trial_claim'>> = {
  reminder: 'reminder',
  final_notice: 'final_notice',
  legal_handover: 'pre_trial_claim',
};

/** How the level's letter goes out: by e-mail only when the policy says so, the client has a billing e-mail and SMTP is on. */
export function letterChannel(policy: 'none' | 'email' | 'post', hasBillingEmail: boolean, emailOn: boolean): 'none' | 'email' | 'post' {
  if (policy === 'email' && (!hasBillingEmail || !emailOn)) return 'post';
  return policy;
}

/** What the manager's task says about the letter. */
export function letterNote(policy: 'none' | 'email' | 'post', channel: 'none' | 'email' | 'post'): string | null {
  if (channel === 'none') return null;
  if (channel === 'email') return 'The letter of this level is e-mailed to the billing contact (see the client\'s letters).';
  if (policy === 'email') return 'No billing e-mail for this client: print the letter of this level and post it, then mark it posted.';
  return 'Print the letter of this level and post it, then mark it posted.';
}
