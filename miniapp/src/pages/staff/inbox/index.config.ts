export default definePageConfig({
  navigationBarTitleText: '工作台',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
