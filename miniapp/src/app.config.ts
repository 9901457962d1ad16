export default defineAppConfig({
  // The login page is in the main package: any page may send the user there.
  pages: ['pages/home/index', 'pages/items/index', 'pages/mine/index', 'pages/login/index'],
  // The guide is opened from lists and by deep link; keeping it in a subpackage keeps the main
  // package small. The case pages carry the shared zod schemas (validation on the phone), so they
  // live in their own subpackage too; so do the account pages opened from 我的 (messages, staff
  // binding and administration, subscriptions), the staff workbench (inbox, case, documents, the
  // working-day calendar, the staff side of 好差评, complaints and consultations, a licence the
  // organisation issued) and the local-only push log. H5 treats all of them as ordinary (lazily
  // loaded) routes.
  subPackages: [
    { root: 'pages/guide', pages: ['index'] },
    // 一件事: a goal's items in order, opened from home and from search suggestions.
    { root: 'pages/scenario', pages: ['index'] },
    // 线上线下联合办理: the hall window's entry of a walk-in application uses the application form, so it
    // lives here; so does the person's claim of such a case (认领窗口办件).
    { root: 'pages/cases', pages: ['apply/index', 'detail/index', 'submitted/index', 'document/index', 'intake/index', 'claim/index'] },
    { root: 'pages/account', pages: ['messages/index', 'bind/index', 'staff/index', 'subscriptions/index'] },
    { root: 'pages/staff', pages: ['inbox/index', 'case/index', 'document/index', 'calendar/index', 'rectifications/index', 'rectification/index', 'complaints/index', 'complaint/index', 'consultations/index', 'stats/index', 'record/index', 'licence/index', 'assessment/index', 'assessment-cases/index', 'assessment-items/index', 'lists/index', 'list-edit/index', 'national-import/index', 'reports/index'] },
    { root: 'pages/dev', pages: ['pushes/index'] },
    // The citizen's feedback (好差评, consultations, complaints) carries zod schemas; the public
    // progress query needs no sign-in and stays small on its own. The public assessment page (网上考核公开)
    // is there too; it and the staff dashboard are the only importers of the chart library, so the
    // library lands in those two subpackages and never in the main package.
    { root: 'pages/feedback', pages: ['evaluate/index', 'consult/index', 'consultations/index', 'complaint/index', 'complaint-detail/index', 'complaints/index'] },
    { root: 'pages/public', pages: ['progress/index', 'assessment/index'] },
    // The public registries (旅行社名录, 导游名录, an agency's page): no sign-in, no zod.
    { root: 'pages/registry', pages: ['agencies/index', 'guides/index', 'agency/index'] },
    // 电子证照: 我的证照, one licence with its QR code, and 扫码核验 (no sign-in). It checks signatures on
    // the phone with the shared token code (SM2 and the payload's zod schema), so it is a subpackage of its own.
    { root: 'pages/licences', pages: ['index', 'detail/index', 'verify/index'] },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['pages/guide'] },
    'pages/items/index': { network: 'all', packages: ['pages/guide'] },
    'pages/guide/index': { network: 'all', packages: ['pages/cases'] },
    'pages/mine/index': { network: 'all', packages: ['pages/cases', 'pages/account'] },
  },
  // H5 only: no sliding page transitions. Taro's H5 router hides the page underneath on a timer, and
  // a quick tap that leaves a page while it is still sliding in (back, or on to the next page) left a
  // blank screen; without the animation pages change at once, which also spares people sensitive to
  // motion. The mini-program keeps WeChat's own transitions.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f2f4f7',
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '皖旅政务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5f6670',
    selectedColor: '#1a5fb4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/items/index', text: '办事', iconPath: 'assets/tabbar/items.png', selectedIconPath: 'assets/tabbar/items-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
})
