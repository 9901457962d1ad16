import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * The API base is fixed at build time. Taro 4 only injects TARO_APP_* variables that appear in a
 * .env file, so a variable set in the shell alone (`TARO_APP_API_BASE=... taro build`) would be
 * ignored: read it here explicitly instead (Taro has loaded any .env files into process.env first).
 */
const apiBase = (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000').replace(/\/+$/, '')
/** Local builds only: '1' turns on the developer login and the local push log; anything else is off. */
const devLogin = process.env.TARO_APP_DEV_LOGIN === '1' ? '1' : ''
/** Base URL of the local WeChat API stand-in (the push log reads it); '' when not given. */
const wechatStandIn = (process.env.TARO_APP_WECHAT_STANDIN || '').replace(/\/+$/, '')
/**
 * Single sign-on from the provincial portal (README, "Deep links from the provincial portal"): the unified
 * identity service's authorize endpoint and this system's client id there; the mini-program's registered
 * redirect URI. '' when not given (no portal sign-in button).
 */
const portalAuthorize = process.env.TARO_APP_PORTAL_AUTHORIZE || ''
const portalClientId = process.env.TARO_APP_PORTAL_CLIENT_ID || ''
const portalWeappRedirect = process.env.TARO_APP_PORTAL_WEAPP_REDIRECT || ''

/** `@ah-tourism/shared` ships TypeScript source, so Taro's babel rule must compile it too. */
const sharedSource = path.resolve(__dirname, '../../shared/src')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'ah-tourism-miniapp',
    date: '2025-1-1',
    // NutUI React Taro is drawn for a 375 px wide design; our own styles use the same unit.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_DIR lets the test harness build H5 beside a running dev server without clobbering it.
    outputRoot: process.env.TARO_OUTPUT_DIR || `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, '../plugins/weapp-aria.js'), path.resolve(__dirname, '../plugins/weapp-page-meta.js')],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      // Always defined (possibly ''), so the code never reads an undefined process.env at run time.
      TARO_APP_DEV_LOGIN: JSON.stringify(devLogin),
      TARO_APP_WECHAT_STANDIN: JSON.stringify(wechatStandIn),
      TARO_APP_PORTAL_AUTHORIZE: JSON.stringify(portalAuthorize),
      TARO_APP_PORTAL_CLIENT_ID: JSON.stringify(portalClientId),
      TARO_APP_PORTAL_WEAPP_REDIRECT: JSON.stringify(portalWeappRedirect),
    },
    alias: {
      '@': path.resolve(__dirname, '../src'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      // Styles are BEM-scoped per component, so the order of extracted CSS chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedSource] },
      // Hash routes work behind any static file server and keep deep links stable:
      // http://host/#/pages/guide/index?code=<implementation code>
      router: { mode: 'hash' },
      devServer: {
        host: '127.0.0.1',
        port: Number(process.env.H5_PORT || 10086),
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
