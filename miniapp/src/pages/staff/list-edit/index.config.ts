export default definePageConfig({
  navigationBarTitleText: '清单条目',
})
