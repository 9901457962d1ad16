// Runs first in the mini-program bundle: teaches Taro's runtime the attributes the templates have.
// Plain ES5: bundled without going through Babel.
var mergeInternalComponents = require('@tarojs/shared').mergeInternalComponents
var ariaComponents = require('./weapp-aria-components').ariaComponents

mergeInternalComponents(ariaComponents())
