/**
 * Mini-program variant: nothing to do. WeChat has no keyboard focus; its screen reader reads `aria-role`
 * and `aria-label` (plugins/weapp-aria.js). The H5 variant (keyboard.h5.ts) makes every control reachable
 * and operable by keyboard in a browser.
 */
export function enableKeyboardAccess(): void {}
