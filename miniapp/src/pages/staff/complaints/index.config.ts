export default definePageConfig({
  navigationBarTitleText: '投诉处理',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
