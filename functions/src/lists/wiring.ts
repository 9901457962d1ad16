import { DEFAULT_LIST_REVIEW_STEPS, LIST_REVIEW_STEP_KEYS, type ListReviewStep } from '@ah-tourism/shared';
import { authStore } from '../auth/store';
import { currentUser } from '../staff/service';
import { listService, type ListService } from './service';
import { dynamoListStore } from './store';

/**
 * The review steps a draft goes through before publication, in order: `LIST_REVIEW_STEPS`, comma-separated
 * (serverless.yml param listReviewSteps; default: the organisation's admin, then the 机构编制/法制 review).
 */
export function reviewSteps(value: string | undefined = process.env.LIST_REVIEW_STEPS): ListReviewStep[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_LIST_REVIEW_STEPS];
  const steps = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = steps.filter((s) => !(LIST_REVIEW_STEP_KEYS as string[]).includes(s));
  if (unknown.length || new Set(steps).size !== steps.length) throw new Error(`LIST_REVIEW_STEPS must name distinct steps of ${LIST_REVIEW_STEP_KEYS.join(', ')}`);
  return steps as ListReviewStep[];
}

/* List maintenance wired to DynamoDB, created on first use and kept for the container's life. */
let instance: ListService | undefined;

export function lists(): ListService {
  if (!instance) {
    const users = authStore();
    instance = listService({ store: dynamoListStore(), user: (caller) => currentUser(users, caller), steps: reviewSteps() });
  }
  return instance;
}
