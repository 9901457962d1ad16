export default definePageConfig({
  navigationBarTitleText: '皖旅政务',
})
