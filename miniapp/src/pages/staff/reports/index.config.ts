export default definePageConfig({
  navigationBarTitleText: '上报监控',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
