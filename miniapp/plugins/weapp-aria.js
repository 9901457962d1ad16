/**
 * Taro plugin: let accessibility attributes reach the mini-program.
 *
 * WeChat reads `aria-label` and `aria-role` on any component, but Taro's weapp templates only emit
 * the attributes they know, so `<View aria-label="…">` would silently lose its label on weapp.
 * This adds both attributes to the templates of the components we use, and injects a runtime
 * module that registers the same attributes (the runtime and the templates must agree on them).
 * In H5 they are plain DOM attributes and nothing here runs.
 */
const path = require('node:path')
const { ariaComponents } = require('./weapp-aria-components')

const RUNTIME = path.join(__dirname, 'weapp-aria-runtime.js')

module.exports = (ctx) => {
  // Mini-program platforms call `onSetupClose(platform)` once set up, before any template is built.
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform && platform.template
      if (!template || typeof template.mergeComponents !== 'function') return
      template.mergeComponents(ctx, ariaComponents())
      if (Array.isArray(platform.runtimePath)) platform.runtimePath.push(RUNTIME)
      else if (typeof platform.runtimePath === 'string') platform.runtimePath = [platform.runtimePath, RUNTIME]
    },
  })
}
