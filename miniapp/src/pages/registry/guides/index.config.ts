export default definePageConfig({
  navigationBarTitleText: '导游名录',
  onReachBottomDistance: 120,
})
