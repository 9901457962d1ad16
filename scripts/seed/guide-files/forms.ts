/*
 * The content of the seed guides' files: the fields each form asks for (as the regulations and the
 * provincial templates list them) and, for the filled samples and result samples, fictional values.
 * Every person, enterprise and number here is invented; samples say so on every page.
 */

import { APPLICATION_FORMS } from './application-forms';
import { CERTIFICATES } from './certificates';
import { COMMON_FORMS } from './common-forms';
import { AGENCY, type Field, type FormDefinition } from './definitions';

export { CERTIFICATES };
export type { CertificateDefinition, Field, FormDefinition } from './definitions';

export const FORMS: readonly FormDefinition[] = [...APPLICATION_FORMS, ...COMMON_FORMS];

const SIGN: Field[] = [
  ['申请人（盖章）', AGENCY],
  ['法定代表人（签字）', '张示例'],
  ['日期', '2026年11月10日'],
];

/** The sign-off rows a filled application ends with. */
export const SIGNATURE_ROWS: readonly Field[] = SIGN;

/** Every file the seed provides: its name as the guides write it and its file under data/guide-files/. */
export function seedFileNames(): { name: string; file: string }[] {
  return [
    ...FORMS.flatMap((form) => [
      { name: form.blankName, file: `${form.slug}-blank.pdf` },
      ...(form.sampleName ? [{ name: form.sampleName, file: `${form.slug}-sample.pdf` }] : []),
    ]),
    ...CERTIFICATES.map((c) => ({ name: c.name, file: `${c.slug}.pdf` })),
  ];
}
