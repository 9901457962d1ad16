import { INITIAL_LOCAL, choose, parseLocal, reconcile, saved, shouldOffer } from './model'

const STANDARD = { elderMode: false, language: 'zh-CN' as const }
const ELDER = { elderMode: true, language: 'zh-CN' as const }

describe('长辈版 on the phone', () => {
  it('offers 长辈版 on first run, and never again once answered either way', () => {
    expect(shouldOffer(INITIAL_LOCAL)).toBe(true)
    expect(shouldOffer(choose(INITIAL_LOCAL, true, false))).toBe(false)
    expect(shouldOffer({ ...INITIAL_LOCAL, offerAnswered: true })).toBe(false)
    // Switched on some other way (another phone's choice arriving with the account): no offer either.
    expect(shouldOffer({ ...INITIAL_LOCAL, elderMode: true })).toBe(false)
  })

  it('reads what storage holds, and starts afresh from anything else', () => {
    expect(parseLocal({ elderMode: true, offerAnswered: true, unsynced: true })).toEqual({ elderMode: true, offerAnswered: true, unsynced: true })
    expect(parseLocal({ elderMode: false })).toEqual({ elderMode: false, offerAnswered: false, unsynced: false })
    for (const junk of [null, undefined, '', 'elder', 1, { elderMode: 'yes' }]) expect(parseLocal(junk)).toEqual(INITIAL_LOCAL)
  })

  it('marks a choice made signed out for the account, and one made signed in as already on its way', () => {
    expect(choose(INITIAL_LOCAL, true, false)).toEqual({ elderMode: true, offerAnswered: true, unsynced: true })
    expect(choose(INITIAL_LOCAL, true, true)).toEqual({ elderMode: true, offerAnswered: true, unsynced: false })
  })

  it('clears the mark when the account has the choice, not when it has an older one', () => {
    const pending = choose(INITIAL_LOCAL, true, false)
    expect(saved(pending, true).unsynced).toBe(false)
    expect(saved(pending, false)).toBe(pending)
  })
})

describe('长辈版 following the account', () => {
  it('applies the mode chosen on another phone after signing in here', () => {
    const answered = { elderMode: false, offerAnswered: true, unsynced: false }
    expect(reconcile(answered, ELDER)).toEqual({ local: { elderMode: true, offerAnswered: true, unsynced: false } })
    // On a fresh phone the offer is not made to someone who already uses 长辈版.
    expect(reconcile(INITIAL_LOCAL, ELDER).local).toEqual({ elderMode: true, offerAnswered: true, unsynced: false })
    // Switched off elsewhere: off here too.
    expect(reconcile({ elderMode: true, offerAnswered: true, unsynced: false }, STANDARD).local.elderMode).toBe(false)
  })

  it('sends a choice made here signed out up to the account, which does not overrule it', () => {
    const chosenSignedOut = choose(INITIAL_LOCAL, true, false)
    expect(reconcile(chosenSignedOut, STANDARD)).toEqual({ local: chosenSignedOut, push: { elderMode: true } })
  })

  it('needs nothing when the account already has the choice', () => {
    const chosenSignedOut = choose(INITIAL_LOCAL, true, false)
    expect(reconcile(chosenSignedOut, ELDER)).toEqual({ local: { ...chosenSignedOut, unsynced: false } })
    const same = { elderMode: false, offerAnswered: false, unsynced: false }
    expect(reconcile(same, STANDARD).local).toBe(same)
  })
})
