import Taro from '@tarojs/taro'
import type { SessionUser, StaffMembership } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { assessmentAccess } from '@/features/assessment/access'
import { ASSESSMENT_PAGE } from '@/features/assessment/routes'
import { COMPLAINTS_PAGE, CONSULTATIONS_PAGE, LISTS_PAGE, NATIONAL_IMPORT_PAGE, RECORD_PAGE, RECTIFICATIONS_PAGE, REPORTS_PAGE, STATS_PAGE } from '@/features/staff/routes'
import { INTAKE_PAGE } from '@/features/cases/routes'
import { INBOX_STRINGS as S } from './strings'

/** The staff side of 好差评, complaints and consultations (and 网上考核 for those who see it), as a compact row of links above the inbox. */
export function WorkbenchLinks({ staff, user }: { staff: StaffMembership; user: SessionUser }) {
  const records = staff.permissions.includes('hall_window') || staff.permissions.includes('hotline_12301')
  // List maintenance: its editors and admin, and the provincial 机构编制/法制 reviewers.
  const lists = staff.permissions.some((p) => p === 'list_editor' || p === 'org_admin' || (p === 'list_review' && staff.level === 'province'))
  const links = [
    // 线上线下联合办理: the hall window enters walk-in applications into the same system.
    ...(staff.permissions.includes('hall_window') ? [{ name: S.links.intake, url: INTAKE_PAGE }] : []),
    { name: S.links.rectifications, url: RECTIFICATIONS_PAGE },
    { name: S.links.complaints, url: COMPLAINTS_PAGE },
    { name: S.links.consultations, url: CONSULTATIONS_PAGE },
    { name: S.links.stats, url: STATS_PAGE },
    ...(records ? [{ name: S.links.record, url: RECORD_PAGE }] : []),
    ...(assessmentAccess(user) ? [{ name: S.links.assessment, url: ASSESSMENT_PAGE }] : []),
    ...(lists ? [{ name: S.links.lists, url: LISTS_PAGE }] : []),
    // Cases handled in the national tourism supervision system, imported by the organisation's administrator.
    ...(staff.permissions.includes('org_admin') ? [{ name: S.links.nationalImport, url: NATIONAL_IMPORT_PAGE }] : []),
    // 上报监控: reports upward to the provincial platform that failed, for the organisation's admin.
    ...(staff.permissions.includes('org_admin') || user.provincialAdmin ? [{ name: S.links.reports, url: REPORTS_PAGE }] : []),
  ]
  return (
    <View className='inbox__links' role='list' aria-label={S.links.label}>
      {links.map((link) => (
        <View key={link.url} role='listitem'>
          <View className='inbox__link' role='link' aria-role='link' aria-label={link.name} hoverClass='inbox__link--pressed' onClick={() => void Taro.navigateTo({ url: link.url })}>
            <Text>{link.name}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
