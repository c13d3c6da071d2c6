/**
 * Who raised each ticket. Repeats are deliberate: with the profile's repeat rate a ticket comes
 * from a customer whose ticket of the same category was resolved in the last 30 days (a recurrence).
 * Otherwise the customer is drawn by activity, avoiding such a recent resolved ticket, so the
 * recurrence rate reflects the profile rather than chance.
 */
import type { Random } from './prng.ts'
import type { Person } from './people.ts'
import type { Profile } from './profiles.ts'
import { DAY, HOUR, MINUTE } from './time.ts'

export function customerName(style: Profile['customerStyle'], person: Person): string {
  if (style === 'dept-name') return `${person.dept}-${person.name}`
  return person.name
}

export interface Assignable {
  created: number
  resolved: number | null
  category: string | null
}

export function assignCustomers(rng: Random, profile: Profile, roster: Person[], tickets: Assignable[]): Person[] {
  const resolvedByPair = new Map<string, number[]>()
  const resolvedByCategory = new Map<string, { person: Person, resolved: number }[]>()
  const out: Person[] = []
  for (const t of tickets) {
    const cat = t.category ?? '(none)'
    let chosen: Person | null = null
    if (rng.chance(profile.repeatRate)) {
      const recent = (resolvedByCategory.get(cat) ?? [])
        .filter((r) => r.resolved < t.created - MINUTE && r.resolved > t.created - 29 * DAY)
      if (recent.length > 0) chosen = rng.pick(recent).person
    }
    for (let attempt = 0; chosen === null && attempt < 30; attempt++) {
      const person = rng.weighted(roster, (x) => x.weight)
      const times = resolvedByPair.get(`${customerName(profile.customerStyle, person)}|${cat}`) ?? []
      const wouldRecur = times.some((r) => r <= t.created && r >= t.created - 30 * DAY - HOUR)
      if (!wouldRecur || attempt === 29) chosen = person
    }
    if (chosen === null) throw new Error('no customer chosen')
    out.push(chosen)
    if (t.resolved !== null) {
      const key = `${customerName(profile.customerStyle, chosen)}|${cat}`
      const times = resolvedByPair.get(key) ?? []
      times.push(t.resolved)
      resolvedByPair.set(key, times)
      const recent = resolvedByCategory.get(cat) ?? []
      recent.push({ person: chosen, resolved: t.resolved })
      resolvedByCategory.set(cat, recent)
    }
  }
  return out
}
