export default definePageConfig({
  navigationBarTitleText: '网上考核',
})
