/** One vendor's year of tickets, in canonical terms (what the importer should end up with). */
import type { Channel, Priority } from '../../src/core/schema.ts'
import type { CategoryDef, Choice } from './catalog.ts'
import type { Person } from './people.ts'
import type { Profile } from './profiles.ts'
import { arrivals } from './calendar.ts'
import { assignCustomers, customerName } from './customers.ts'
import { Random } from './prng.ts'
import { simulateService, type ServiceTimes } from './service.ts'
import { MINUTE, parts } from './time.ts'
import { SUBJECTS_EN, SUBJECTS_ZH, topicSeason } from './topics.ts'

export interface Ticket extends ServiceTimes {
  /** Position in creation order, from 0; writers turn it into the vendor's ticket number. */
  seq: number
  created: number
  storm: number
  cat: CategoryDef
  priority: Choice<Priority>
  channel: Choice<Channel>
  person: Person
  customer: string
  subject: string
  handler: string
}

/** Faults are raised with higher priority. */
const FAULT_PRIORITY_SHIFT: Record<Priority, number> = { P1: 4, P2: 2.5, P3: 0.6, P4: 0.2 }
const STORM_PRIORITY_SHIFT: Record<Priority, number> = { P1: 8, P2: 3, P3: 0.3, P4: 0 }

export function simulateVendor(seed: number, profile: Profile, roster: Person[]): Ticket[] {
  const rng = Random.derive(seed, profile.vendor)
  const { catalog } = profile
  const arrived = arrivals(rng, profile.volume, profile.storms, profile.grain.created)
  const outageCats = catalog.categories.filter((c) => c.fault && c.topic === 'outage' && c.category !== null)
  const stormCat = new Map<number, CategoryDef>()
  const stormRestore = new Map<number, number>()
  for (const a of arrived) {
    if (a.storm < 0 || stormCat.has(a.storm)) continue
    stormCat.set(a.storm, rng.pick(outageCats))
    stormRestore.set(a.storm, a.created + rng.logNormal(profile.restoreMedian[0] * 1.8, 0.6) * MINUTE)
  }

  const drafts = arrived.map((a, seq) => {
    const { m, d } = parts(a.created)
    const storm = a.storm >= 0
    const cat = stormCat.get(a.storm) ?? rng.weighted(catalog.categories,
      (c) => c.weight * topicSeason(c.topic, m, d) * (c.fault ? profile.faultBoost : 1))
    const shift = storm ? STORM_PRIORITY_SHIFT : cat.fault ? FAULT_PRIORITY_SHIFT : null
    const priority = rng.weighted(catalog.priorities, (c) => c.weight * (shift ? shift[c.canon] : 1))
    const channel = rng.weighted(catalog.channels,
      (c) => c.weight * (storm && (c.canon === 'phone' || c.canon === 'im') ? 4 : 1))
    const times = simulateService(rng, profile, a.created, priority.canon, cat.fault, stormRestore.get(a.storm) ?? null)
    return { seq, created: a.created, storm: a.storm, cat, priority, channel, ...times, category: cat.category }
  })

  const people = assignCustomers(rng, profile, roster, drafts)
  const english = profile.vendor === 'SAP B1'
  return drafts.map((t, i) => {
    const person = people[i]
    if (person === undefined) throw new Error('customer missing')
    return {
      seq: t.seq, created: t.created, storm: t.storm, cat: t.cat, priority: t.priority, channel: t.channel,
      firstResponse: t.firstResponse, firstResolved: t.firstResolved, resolved: t.resolved, recovered: t.recovered,
      reopens: t.reopens, csatLevel: t.csatLevel, surveyOffered: t.surveyOffered,
      person, customer: customerName(profile.customerStyle, person),
      subject: rng.pick((english ? SUBJECTS_EN : SUBJECTS_ZH)[t.cat.topic]),
      handler: rng.pick(catalog.handlers),
    }
  })
}
