/*
 * The shapes of the seed guides' files (forms.ts lists them) and the fictional enterprise every filled
 * sample is made out to.
 */

/** One row of a form: its label and what a filled sample puts there. */
export type Field = readonly [label: string, sample: string];

export interface FormDefinition {
  /** Base of the file names: `<slug>-blank.pdf`, `<slug>-sample.pdf`. */
  slug: string;
  /** The form's title, without （空白表格）/（示例样表）. */
  title: string;
  /** Who it is addressed to, printed under the title. */
  addressee?: string;
  fields: readonly Field[];
  /** A statement the signer makes (commitments, authorisations). */
  declaration?: string;
  /** The names the guides use for its blank form and its filled sample. */
  blankName: string;
  sampleName?: string;
}

export interface CertificateDefinition {
  slug: string;
  title: string;
  issuer: string;
  fields: readonly Field[];
  /** The name the guides use for it. */
  name: string;
}


export const AGENCY = '黄山示例国际旅行社有限公司';
export const CREDIT = '91341000MA2X0000XX（示例）';
