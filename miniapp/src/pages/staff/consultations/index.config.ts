export default definePageConfig({
  navigationBarTitleText: '咨询答复',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
