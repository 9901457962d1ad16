export default definePageConfig({
  navigationBarTitleText: '证照管理',
})
