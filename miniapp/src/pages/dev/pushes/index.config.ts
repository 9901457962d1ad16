export default definePageConfig({
  navigationBarTitleText: '微信推送记录',
  enablePullDownRefresh: true,
})
