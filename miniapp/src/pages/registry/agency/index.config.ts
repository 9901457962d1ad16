export default definePageConfig({
  navigationBarTitleText: '旅行社详情',
})
