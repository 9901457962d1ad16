/**
 * Babel plugin, H5 builds only: drops the `aria-role` JSX attribute.
 *
 * `aria-role` is WeChat's own attribute (what its screen reader reads on weapp, see weapp-aria.js); in a
 * browser it is not an ARIA attribute at all, and accessibility checkers report it as invalid. Every
 * element that carries it also carries the standard `role`, which is what browsers read.
 */
module.exports = function stripAriaRole() {
  return {
    name: 'h5-strip-aria-role',
    visitor: {
      JSXAttribute(path) {
        if (path.node.name && path.node.name.name === 'aria-role') path.remove()
      },
    },
  }
}
