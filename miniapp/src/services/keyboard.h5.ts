import './keyboard.h5.scss'

/**
 * H5 variant: every control is reachable and operable by keyboard, once, for the whole app.
 *
 * Our controls are Views (custom elements in the browser) with an ARIA role, so they look and speak the
 * same on weapp and H5; a browser neither focuses them nor presses them with a key. Rather than each page
 * repeating the same tabindex and key handling, this watches the document and
 * - puts every element with an interactive role in the tab order (tabindex 0);
 * - inside a radio group, tab list or listbox, only one member is in the tab order (the chosen one, else
 *   the first) and the arrow keys move between the members (a "roving" tab stop, as ARIA's authoring
 *   practices describe); moving does not choose, so an arrow never closes a sheet or reloads a list by
 *   itself: Space or Enter chooses;
 * - Enter and Space press the focused control (a click, so the control's own tap handler runs);
 * - ArrowDown in a field that controls a listbox (aria-controls, e.g. the search suggestions) moves into
 *   the list, and ArrowUp from its first option back to the field.
 * - every page's own scrolling box is a tab stop too, so a page with nothing to press (a decision, a
 *   licence's details) can still be scrolled with the arrow keys, as browsers do for scrolling boxes.
 * Native controls (input, select, textarea, a, button) are left to the browser.
 */

const ACTIVATED_ROLES = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'option', 'menuitem', 'menuitemcheckbox', 'menuitemradio']
const CONTROL = ACTIVATED_ROLES.map((role) => `[role="${role}"]`).join(',')
/** Composite widgets with one tab stop: the container's role and its members'. */
const COMPOSITES: Record<string, string> = { radio: 'radiogroup', tab: 'tablist', option: 'listbox' }
const NATIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'])
const CHOSEN = (member: Element) => member.getAttribute('aria-checked') === 'true' || member.getAttribute('aria-selected') === 'true'

function compositeOf(member: Element): Element | null {
  const container = COMPOSITES[member.getAttribute('role') ?? '']
  return container ? member.closest(`[role="${container}"]`) : null
}

function membersOf(container: Element, role: string): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`[role="${role}"]`)).filter((member) => compositeOf(member) === container)
}

/** One tab stop per composite: the focused member if any, else the chosen one, else the first. */
function rove(container: Element, role: string, current?: Element): void {
  const members = membersOf(container, role)
  const stop = (current && members.includes(current as HTMLElement) ? current : undefined) ?? members.find(CHOSEN) ?? members[0]
  for (const member of members) member.setAttribute('tabindex', member === stop ? '0' : '-1')
}

/** Taro's H5 router puts each page in a box of this class that scrolls by itself. */
const PAGE = '.taro_page'

function makeReachable(root: Element): void {
  const pages = root.matches(PAGE) ? [root] : Array.from(root.querySelectorAll(PAGE))
  for (const page of pages) if (!page.hasAttribute('tabindex')) page.setAttribute('tabindex', '0')
  const controls = root.matches(CONTROL) ? [root, ...Array.from(root.querySelectorAll(CONTROL))] : Array.from(root.querySelectorAll(CONTROL))
  const composites = new Map<Element, string>()
  for (const control of controls) {
    if (NATIVE.has(control.tagName)) continue
    const container = compositeOf(control)
    if (container) composites.set(container, control.getAttribute('role') ?? '')
    else if (!control.hasAttribute('tabindex')) control.setAttribute('tabindex', '0')
  }
  for (const [container, role] of composites) rove(container, role, container.contains(document.activeElement) ? document.activeElement ?? undefined : undefined)
}

function moveWithin(member: HTMLElement, step: 1 | -1 | 'first' | 'last'): void {
  const container = compositeOf(member)
  if (!container) return
  const role = member.getAttribute('role') ?? ''
  const members = membersOf(container, role)
  const index = members.indexOf(member)
  if (role === 'option' && step === -1 && index === 0) {
    // From the first suggestion back up to the field that controls the list.
    const field = container.id ? document.querySelector<HTMLElement>(`[aria-controls="${container.id}"]`) : null
    field?.focus()
    return
  }
  const target = step === 'first' ? members[0] : step === 'last' ? members[members.length - 1] : members[(index + step + members.length) % members.length]
  if (!target) return
  rove(container, role, target)
  target.focus()
}

const ARROWS: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
  const target = event.target as HTMLElement | null
  if (!target || !(target instanceof HTMLElement)) return

  if (target.tagName === 'INPUT' && event.key === 'ArrowDown') {
    const listId = target.getAttribute('aria-controls')
    const first = listId ? document.getElementById(listId)?.querySelector<HTMLElement>('[role="option"]') : null
    if (first) {
      event.preventDefault()
      moveWithin(first, 'first')
    }
    return
  }

  if (NATIVE.has(target.tagName) || !target.matches(CONTROL)) return
  if (event.key === 'Enter' || event.key === ' ') {
    // Space would otherwise scroll the page.
    event.preventDefault()
    if (target.getAttribute('aria-disabled') !== 'true') target.click()
    return
  }
  if (!compositeOf(target)) return
  const step = ARROWS[event.key] ?? (event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : undefined)
  if (step === undefined) return
  event.preventDefault()
  moveWithin(target, step)
}

let enabled = false

export function enableKeyboardAccess(): void {
  if (enabled || typeof document === 'undefined') return
  enabled = true
  document.addEventListener('keydown', onKeyDown)
  const observer = new MutationObserver((records) => {
    const touched = new Set<Element>()
    for (const record of records) {
      if (record.type === 'attributes') {
        const element = record.target as Element
        // A choice changed: the tab stop of its group follows it (unless focus is inside the group).
        touched.add(compositeOf(element) ?? element)
      } else {
        for (const node of Array.from(record.addedNodes)) if (node instanceof Element) touched.add(node)
      }
    }
    for (const element of touched) if (element.isConnected) makeReachable(element)
  })
  const start = () => {
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-checked', 'aria-selected'] })
    makeReachable(document.body)
  }
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start, { once: true })
}
