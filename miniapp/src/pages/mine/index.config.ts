export default definePageConfig({
  navigationBarTitleText: '我的',
  onReachBottomDistance: 120,
})
