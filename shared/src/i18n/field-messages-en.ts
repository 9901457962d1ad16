/**
 * English for the field problems of a 400 answer (FieldIssue.message). The schemas write their
 * messages in Chinese, most of them built around the field's Chinese label (`请填写${label}`); the
 * answer names the field by its path, so the English says what to do without repeating the label.
 * A message no pattern knows gets an English sentence made from the zod issue (its code and limits),
 * and at worst a general one: an English answer never carries Chinese problem text.
 */

/** What of a zod issue the English needs (a FieldIssue made by hand has none of it). */
export interface IssueFacts {
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

const PATTERNS: [RegExp, string | ((n: string) => string)][] = [
  [/^身份证号码应为18位/, 'An ID card number has 18 characters: 17 digits, then a digit or X.'],
  [/^身份证号码中的出生日期/, 'The date of birth in the ID card number is not valid. Please check it.'],
  [/^身份证号码校验位/, 'The check digit of the ID card number is wrong. Please check each digit.'],
  [/^手机号码应为11位/, 'A mobile number has 11 digits and starts with 1.'],
  [/^统一社会信用代码/, 'The unified social credit code is not valid: it has 18 characters; please check the last one.'],
  [/^请选择申请人类型/, 'Choose the kind of applicant.'],
  [/^本事项仅受理企业/, 'This service accepts applications from enterprises and other organisations only.'],
  [/^本事项仅受理个人/, 'This service accepts applications from individuals only.'],
  [/中含有会打乱文字显示顺序|中含有无法显示的控制字符/, 'This text contains hidden characters (often from copying). Delete it and type it again.'],
  [/^请填写.+（至少(\d+)个字）$/, (n) => `Enter at least ${n} characters.`],
  [/请填写到门牌号$/, 'Give the full address, down to the street number.'],
  [/不能超过(\d+)个字$/, (n) => `Enter at most ${n} characters.`],
  [/不能小于(-?[\d.]+)$/, (n) => `Enter a number of at least ${n}.`],
  [/不能大于(-?[\d.]+)$/, (n) => `Enter a number of at most ${n}.`],
  [/应为数字$/, 'Enter a number.'],
  [/^请从.*中选择/, 'Choose one of the options.'],
  [/已选择告知承诺，无需再上传文件$/, 'You chose the commitment for this material, so no file is needed.'],
  [/^请上传“.+”，或阅读并确认告知承诺$/, 'Upload this material, or read and confirm the commitment instead.'],
  [/^请上传/, 'Upload this material.'],
  [/由电子证照自动获取，无需上传$/, 'This material is taken from the e-licence automatically; no upload is needed.'],
  [/^本次申请无需提交/, 'This application does not need this material.'],
  [/^办事指南中没有这项材料$/, 'The service guide has no such material.'],
  [/的承诺内容已更新，请重新阅读并确认$/, 'The commitment text has changed. Please read and confirm it again.'],
  [/不适用告知承诺制/, 'This material cannot be replaced by a commitment; please provide it.'],
  [/^每项材料最多上传(\d+)个文件$/, (n) => `Upload at most ${n} files per material.`],
  // The checks of an uploaded file (functions/src/cases/materials.ts, shared/src/application/file-spec.ts).
  [/的文件是空的，请重新上传$/, 'The file is empty. Please upload it again.'],
  [/的文件超过(\d+)MB/, (n) => `The file is larger than ${n} MB. Please compress it and upload it again.`],
  [/的文件未上传成功/, 'The file was not uploaded successfully. Please upload it again.'],
  [/的图片超过/, 'The image has too many pixels. Please make it smaller and upload it again.'],
  [/与文件扩展名.*不符/, 'The file content does not match its extension. Please correct the extension and upload it again.'],
  [/不是完整有效的|不是有效的 PDF|的文件无效/, 'The file is not a valid file of its type. Please save or export it again and upload it.'],
  [/^“.+”须为.+，所选/, 'The file does not meet the specification the guide states for this material.'],
  [/^请填写|^缺少/, 'Please fill this in.'],
  [/^请选择/, 'Please make a choice.'],
  [/格式不正确$/, 'This is not in the expected format.'],
];

/** An English sentence from the zod issue itself. */
function fromIssue(issue: IssueFacts): string {
  const { code, origin, minimum, maximum, input } = issue;
  const empty = input === undefined || input === null || input === '';
  switch (code) {
    case 'invalid_type':
      return 'input' in issue && empty ? 'Please fill this in.' : 'This value is not of the expected kind.';
    case 'too_small':
      if (origin === 'string') return Number(minimum) <= 1 ? 'Please fill this in.' : `Enter at least ${minimum} characters.`;
      if (origin === 'array' || origin === 'set') return `Give at least ${minimum}.`;
      return `Enter a number of at least ${minimum}.`;
    case 'too_big':
      if (origin === 'string') return `Enter at most ${maximum} characters.`;
      if (origin === 'array' || origin === 'set') return `Give at most ${maximum}.`;
      return `Enter a number of at most ${maximum}.`;
    case 'invalid_format':
      return 'This is not in the expected format.';
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options offered.';
    case 'unrecognized_keys':
      return 'This field is not expected here.';
    default:
      return 'This entry is not valid. Please check it.';
  }
}

/** The English of a field problem whose message is in Chinese. */
export function englishFieldMessage(message: string, issue: IssueFacts = {}): string {
  for (const [pattern, english] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return typeof english === 'string' ? english : english(match[1] ?? '');
  }
  return fromIssue(issue);
}
