export default definePageConfig({
  navigationBarTitleText: '我的咨询',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
