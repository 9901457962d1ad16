export default definePageConfig({
  navigationBarTitleText: '清单维护',
  enablePullDownRefresh: true,
})
