/**
 * Taro plugin: every mini-program page starts with
 *   <page-meta root-font-size="system" page-style="{{elderPageStyle}}"></page-meta>
 *
 * WeChat's page-meta must be the first node of a page. root-font-size="system" makes 1rem the font size
 * the person chose in WeChat (设置 › 通用 › 字体大小; base library 2.11.0+), so the type, which
 * features/preferences/root.ts gives in rem, follows it. page-style puts the custom properties of the
 * current mode (standard or 长辈版) on the page's root, where the SCSS tokens read them; root.ts sets
 * `elderPageStyle` on each page when it loads and when the mode changes.
 *
 * Taro's own <PageMeta> (enablePageMeta) would need the component in every page; this writes the node
 * once for all pages. H5 has no page-meta: nothing here runs there (root.h5.ts styles <html> instead).
 */
const PAGE_META = '<page-meta root-font-size="system" page-style="{{elderPageStyle}}"></page-meta>'

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform && platform.template
      if (!template || typeof template.buildPageTemplate !== 'function') return
      const build = template.buildPageTemplate
      template.buildPageTemplate = (...args) => {
        const page = build(...args)
        // Taro's own page-meta (a page with enablePageMeta) is left as it is.
        if (page.includes('<page-meta')) return page
        return page.replace('<template is="taro_tmpl"', `${PAGE_META}\n<template is="taro_tmpl"`)
      }
    },
  })
}
