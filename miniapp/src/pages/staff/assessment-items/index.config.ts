export default definePageConfig({
  navigationBarTitleText: '考核相关事项',
})
