/**
 * The accessibility attributes added to the mini-program templates, shared by the build step
 * (weapp-aria.js) and the runtime (weapp-aria-runtime.js): Taro numbers every template attribute
 * alphabetically, so both sides must know exactly the same list or every attribute shifts.
 * Plain ES5: this file is bundled into the mini-program without going through Babel.
 */
var COMPONENTS = ['View', 'Text', 'Image', 'Button', 'Input', 'Textarea', 'ScrollView', 'Navigator']

function ariaComponents() {
  var patch = {}
  for (var i = 0; i < COMPONENTS.length; i += 1) {
    patch[COMPONENTS[i]] = { 'aria-label': '', 'aria-role': '' }
  }
  return patch
}

module.exports = { ariaComponents: ariaComponents }
