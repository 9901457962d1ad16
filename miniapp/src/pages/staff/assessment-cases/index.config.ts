export default definePageConfig({
  navigationBarTitleText: '考核相关办件',
  onReachBottomDistance: 120,
})
