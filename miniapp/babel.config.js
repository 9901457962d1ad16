// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }]
  ],
  // H5 only: WeChat's `aria-role` is not an attribute browsers know (plugins/h5-strip-aria-role.js).
  plugins: process.env.TARO_ENV === 'h5' ? [require.resolve('./plugins/h5-strip-aria-role.js')] : [],
}
