/// <reference types="jest" />
import { COMMITMENT_CONSEQUENCES } from '@ah-tourism/shared/src/application/commitment-consequences'
import { VISIT_WHEN } from '@ah-tourism/shared/src/catalog/visit-when'
import { CASE_STATUSES, CASE_TRANSITIONS } from '@ah-tourism/shared/src/cases/status'
import {
  CALL_BACK_METHODS,
  COMPLAINT_ACTIONS,
  COMPLAINT_BUSINESS_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  EVALUATION_DIMENSIONS,
  EVALUATION_LEVELS,
  FEEDBACK_CHANNELS,
  RECTIFICATION_OUTCOMES,
} from '@ah-tourism/shared/src/feedback/model'
import * as labels from './labels'

const labelsOf = (table: Record<string, { label: string }>) => Object.fromEntries(Object.entries(table).map(([key, value]) => [key, value.label]))

/** The staff pages name coded values with the same Chinese as shared (which the server writes into answers and documents). */
describe('the staff labels in Chinese', () => {
  it.each([
    ['case statuses', labels.CASE_STATUS_NAMES, labelsOf(CASE_STATUSES)],
    ['case steps', labels.TRANSITION_NAMES, labelsOf(CASE_TRANSITIONS)],
    ['commitment consequences', labels.COMMITMENT_CONSEQUENCE_NAMES, COMMITMENT_CONSEQUENCES],
    ['visit times', labels.VISIT_WHEN_NAMES, VISIT_WHEN],
    ['feedback channels', labels.FEEDBACK_CHANNEL_NAMES, FEEDBACK_CHANNELS],
    ['rating levels', labels.EVALUATION_LEVEL_NAMES, labelsOf(EVALUATION_LEVELS)],
    ['rating aspects', labels.EVALUATION_DIMENSION_NAMES, EVALUATION_DIMENSIONS],
    ['call-back methods', labels.CALL_BACK_METHOD_NAMES, CALL_BACK_METHODS],
    ['rectification replies', labels.RECTIFICATION_OUTCOME_NAMES, RECTIFICATION_OUTCOMES],
    ['complaint statuses', labels.COMPLAINT_STATUS_NAMES, labelsOf(COMPLAINT_STATUSES)],
    ['complaint actions', labels.COMPLAINT_ACTION_NAMES, labelsOf(COMPLAINT_ACTIONS)],
    ['complaint outcomes', labels.COMPLAINT_OUTCOME_NAMES, COMPLAINT_OUTCOMES],
    ['businesses complained about', labels.COMPLAINT_BUSINESS_KIND_NAMES, COMPLAINT_BUSINESS_KINDS],
  ])('%s match shared', (_, table, shared) => {
    expect({ ...table }).toEqual({ ...shared })
  })
})
