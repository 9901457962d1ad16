import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const VERIFY_STRINGS = localize('pages/licences/verify/VERIFY_STRINGS', {
  title: '电子证照核验',
  intro: '无需登录。扫描电子证照二维码，或粘贴二维码内容，核验证照真伪和当前状态。',

  // scanning
  scan: '扫码核验',
  scanLabel: '扫描电子证照二维码',
  camera: '打开摄像头扫码',
  cameraStop: '停止扫码',
  cameraLabel: '摄像头画面，请将二维码置于框内',
  cameraHint: '请将二维码置于框内，保持稳定',
  cameraStarting: '正在打开摄像头…',
  cameraDenied: '未获得摄像头权限。请在浏览器设置中允许使用摄像头，或在下方粘贴二维码内容。',
  cameraUnavailable: '当前浏览器无法使用摄像头，请在下方粘贴二维码内容。',
  scanFailed: '扫码未成功，请重试或粘贴二维码内容',

  // pasting
  paste: '二维码内容',
  pasteLabel: '电子证照二维码内容',
  pastePlaceholder: '以 AHL1. 开头的二维码内容',
  pasteHint: '可用其他扫码工具识别后复制粘贴到这里',
  pasteMissing: '请扫描或粘贴证照二维码内容',
  pasteTooLong: '二维码内容过长，不是本系统签发的证照',
  submit: '核验',
  submitting: '正在核验…',
  clear: '清空',

  // the result
  result: '核验结果',
  signatureChecked: '已离线验证签名：证照内容由颁证单位签发，未被改动',
  signatureFailed: '签名验证未通过：内容被改动或不是本系统签发的证照',
  signatureUnchecked: '本机尚未取得核验公钥，未能离线验证签名',
  signedOnly: '签名有效',
  statusUnknown: '无法联网查询证照当前状态（是否已吊销、注销、暂停或换发），请联网后重新核验。',
  failed: '未能核验',
  failedHint: '请检查网络后重试。首次核验需要联网取得颁证单位的公钥。',
  statusReason: (reason: string) => `原因：${reason}`,
  statusChangedOn: (day: string) => `日期：${day}`,
  currentVersion: (n: number) => `最新版本为第 ${n} 版`,
  content: '证照内容',
  contentNote: '以下内容来自二维码中颁证单位签名的数据',
  again: '核验下一张',
} as const, en.VERIFY_STRINGS)
