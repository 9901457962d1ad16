export default definePageConfig({
  navigationBarTitleText: '旅行社名录',
  onReachBottomDistance: 120,
})
