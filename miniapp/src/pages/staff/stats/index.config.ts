export default definePageConfig({
  navigationBarTitleText: '痛点赞点',
})
