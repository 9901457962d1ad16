export default definePageConfig({
  navigationBarTitleText: '差评整改',
  onReachBottomDistance: 120,
  enablePullDownRefresh: true,
})
