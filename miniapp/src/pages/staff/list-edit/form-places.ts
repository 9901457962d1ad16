import { valueAt, type EntryForm, type FieldPlace } from './entry-form'

/** Where the API's problems about materials show: each field, the rules of a material at the field they are about. */
export function materialPlaces(form: EntryForm): FieldPlace[] {
  return [
    { path: 'guide.materials' },
    ...((valueAt(form, 'guide.materials') as unknown[] | undefined) ?? []).flatMap((_, i): FieldPlace[] => {
      const p = `guide.materials[${i}]`
      return [
        { path: `${p}.name`, also: [`${p}.id`] },
        { path: `${p}.kind` },
        { path: `${p}.form` },
        { path: `${p}.necessity`, also: [`${p}.requiredWhen`] },
        { path: `${p}.condition` },
        { path: `${p}.copies` },
        { path: `${p}.source` },
        { path: `${p}.licenceName` },
        { path: `${p}.issuer` },
        { path: `${p}.acceptanceStandard` },
        { path: `${p}.notes` },
        { path: `${p}.fileSpec.types`, whole: true },
        { path: `${p}.fileSpec.minWidth` },
        { path: `${p}.fileSpec.minHeight` },
        { path: `${p}.fileSpec.minKB` },
        { path: `${p}.fileSpec.maxKB` },
        { path: `${p}.fileSpec` },
        { path: `${p}.blankForm`, whole: true },
        { path: `${p}.sample`, whole: true },
        { path: `${p}.commitment.text` },
        { path: `${p}.commitment.consequence` },
        { path: `${p}.commitment` },
      ]
    }),
  ]
}

/** The fields of the form (guide-fields.tsx, material-fields.tsx), for placing the API's problems: lists and objects edited as a whole take the problems inside them. */
export function formFields(form: EntryForm): FieldPlace[] {
  const legalBasis = (valueAt(form, 'guide.legalBasis') as unknown[] | undefined) ?? []
  return [
    { path: 'name' },
    ...legalBasis.flatMap((_, i) => ['law', 'articles', 'excerpt'].map((k) => ({ path: `guide.legalBasis[${i}].${k}` }))),
    { path: 'guide.promisedLimit.workingDays', also: ['guide.promisedLimit'] },
    { path: 'guide.conditions', whole: true },
    ...materialPlaces(form),
    { path: 'guide.result.sample', whole: true },
    { path: 'guide.fees.standard' },
    { path: 'guide.fees.basis' },
    { path: 'guide.fees' },
    { path: 'guide.place.address' },
    { path: 'guide.place.hours' },
    { path: 'guide.consultPhones', whole: true },
    { path: 'guide.complaintPhones', whole: true },
    { path: 'guide.scope' },
    { path: 'guide.online.depth' },
    { path: 'guide.visitsRequired' },
    { path: 'guide.negativeList.reason' },
    { path: 'guide.negativeList.visitWhen' },
    { path: 'guide.negativeList.visitPurpose' },
  ]
}
