export default definePageConfig({
  navigationBarTitleText: '消息',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
