export default definePageConfig({
  navigationBarTitleText: '窗口受理',
})
