export default definePageConfig({
  navigationBarTitleText: '导入全国平台办件',
})
