import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const APPLY_STRINGS = localize('pages/cases/apply/APPLY_STRINGS', {
  title: '在线申请',
  loading: '正在准备申请表…',
  missingCode: '链接中缺少事项编码',
  retry: '重试',
  retryLabel: '重新加载申请表',
  toItems: '去事项列表',
  notOnline: '本事项暂不支持网上申请，请按办事指南到现场办理',
  complaintElsewhere: '旅游投诉请通过“我要投诉”提交：投诉有专门的受理、调解和答复流程',
  toComplaint: '我要投诉',
  organisation: '受理单位',
  organisationValue: (name: string) => `受理单位：${name}`,
  signInHint: '在线申请需要先登录，登录后将回到这里继续填写',

  restored: (time: string) => `已恢复您于${time}保存的草稿`,
  restart: '清空重填',
  restartTitle: '清空重填',
  restartConfirm: '将清除已填写的内容和已上传的材料，确定清空吗？',
  restartDone: '已清空',
  prefilledNote: '已根据您上次的申请预填，请核对',
  clearPrefill: '清空预填',
  clearPrefillLabel: '清空根据上次申请预填的内容',

  // applicant
  applicantSection: '申请人信息',
  applicantKind: '申请人类型',
  kindNames: { person: '个人', enterprise: '企业或其他组织' },
  personName: '姓名',
  personNameLabel: '申请人姓名',
  idNumber: '身份证号码',
  idNumberLabel: '申请人身份证号码',
  idNumberPlaceholder: '18位居民身份证号码',
  mobile: '手机号码',
  mobileLabel: '申请人手机号码',
  mobilePlaceholder: '11位手机号码',
  enterpriseName: '企业名称',
  enterpriseNameLabel: '申请企业名称',
  enterpriseNameHint: '与营业执照上的名称一致',
  creditCode: '统一社会信用代码',
  creditCodeLabel: '申请企业统一社会信用代码',
  creditCodePlaceholder: '18位，见营业执照',
  legalRepresentative: '法定代表人',
  legalRepresentativeLabel: '法定代表人姓名',
  onBehalf: '由他人代为办理（代办）',
  onBehalfNote: '代办人须上传申请人签字的授权委托书',
  agentSection: { enterprise: '经办人信息', person: '代办人信息' },
  agentNote: { enterprise: '经办人是代表企业办理本事项的人，须上传企业授权委托书', person: '代办人是受申请人委托办理本事项的人' },
  agentName: { enterprise: '经办人姓名', person: '代办人姓名' },
  agentIdNumber: { enterprise: '经办人身份证号码', person: '代办人身份证号码' },
  agentMobile: { enterprise: '经办人手机号码', person: '代办人手机号码' },
  namePlaceholder: '与身份证一致',

  // item fields
  fieldsSection: '申请事项信息',
  choose: '请选择',
  chooseDate: '请选择日期',
  addressPlaceholder: '请填写到门牌号',
  numberBetween: (min: number, max: number) => `可填${min}至${max}`,
  numberAtLeast: (min: number) => `不小于${min}`,
  numberAtMost: (max: number) => `不大于${max}`,

  // materials
  materialsSection: '申请材料',
  materialsToUpload: (upload: number) => `需上传${upload}项`,
  materialsFromLicence: (licence: number) => `，${licence}项免提交`,
  materialsPromised: (promised: number) => `，${promised}项以告知承诺代替`,
  necessity: { required: '必要', conditional: '情形必要', optional: '非必要' },
  requiredNow: '必须上传',
  condition: '适用情形',
  standard: '受理标准',
  fromLicence: '免提交，由电子证照自动获取',
  licenceLookupIdle: '填写统一社会信用代码或身份证号码后，将查询电子证照',
  licenceLookupLoading: '正在查询电子证照…',
  licenceLookupFailed: '暂时无法查询电子证照，提交后由工作人员核验',
  licenceBlocked: '所需电子证照不可用，请处理后再提交',
  licence: (name: string) => `证照名称：${name}`,
  licenceIssued: (name: string, issuer: string) => `证照名称：${name}（${issuer}核发）`,
  uploadLabel: (name: string) => `上传${name}`,
  uploadLabelWhen: (name: string, condition: string) => `上传${name}（${condition}）`,
  conditionValue: (condition: string) => `适用情形：${condition}`,
  standardValue: (standard: string) => `受理标准：${standard}`,
  fileTypes: '支持PDF、JPG、PNG，单个文件不超过10MB，每项最多5个文件',

  // 告知承诺制
  provideByLabel: (name: string) => `“${name}”的提交方式`,
  provideByUpload: '上传材料',
  provideByCommitment: '告知承诺（免提交）',
  commitmentTag: '告知承诺',
  commitmentTitle: '承诺内容',
  commitmentTextLabel: (name: string) => `“${name}”的承诺内容`,
  commitmentConsequence: '承诺不实的后果',
  commitmentConsequenceValue: (consequence: string) => `承诺不实的后果：${consequence}`,
  commitmentConfirm: '本人已阅读并承诺：以上承诺真实有效，愿意承担承诺不实的法律责任',
  commitmentConfirmAtWindow: '申请人已阅读上述承诺内容，并已当面签署承诺书',
  commitmentNote: '可选择告知承诺，免于提交该材料',

  // submit
  submit: '提交申请',
  submitting: '正在提交…',
  waitUploads: '材料还在上传，请稍候',
  fixProblems: (n: number) => `有${n}处需要修改，请按提示填写`,
  otherProblems: '请检查以下问题',
  submitUncertain: '网络异常，未能确认是否提交成功。请重新提交：同一份申请不会重复生成办件。',
  toMyCases: '查看我的办件',
  autosave: {
    idle: '填写内容将自动保存为草稿',
    saving: '正在保存草稿…',
    saved: '草稿已自动保存，可在“我的”中继续填写',
    'local-only': '网络不可用，草稿暂存在本机',
  },
  privacy: '您填写的身份信息仅用于办理本事项，提交后加密保存。',
  guideChangedTitle: '办事指南已更新',
  guideChanged: (from: number, to: number, day: string) =>
    `您开始填写时依据的是第${from}版办事指南，${day}已发布第${to}版。提交时按第${to}版办理，请核对下方的填写内容和材料。`,
  guideChangedSections: (from: number, to: number, day: string, sections: string) =>
    `您开始填写时依据的是第${from}版办事指南，${day}已发布第${to}版，改动了：${sections}。提交时按第${to}版办理，请核对下方的填写内容和材料。`,
  /** Between the names of the changed guide sections. */
  listSeparator: '、',
} as const, en.APPLY_STRINGS)

/** A number field's hint from its bounds ('' without bounds). */
export function numberRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return APPLY_STRINGS.numberBetween(min, max)
  if (min !== undefined) return APPLY_STRINGS.numberAtLeast(min)
  if (max !== undefined) return APPLY_STRINGS.numberAtMost(max)
  return ''
}

/** How many materials to upload, and how many come from e-licences or are replaced by a commitment. */
export function materialsNote(upload: number, licence: number, promised = 0): string {
  const S = APPLY_STRINGS
  return `${S.materialsToUpload(upload)}${licence ? S.materialsFromLicence(licence) : ''}${promised ? S.materialsPromised(promised) : ''}`
}
