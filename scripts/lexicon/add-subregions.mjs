/**
 * One-off maintenance script (kept for re-runs): gives every country of content/lexicon/places.json its
 * UN M49 sub-region ("Standard country or area codes for statistical use", UN Statistics Division), used to
 * prefer neighbouring countries as distractors (one change: Iran in Western Asia, see below). Run: `node scripts/lexicon/add-subregions.mjs`.
 */
import fs from 'node:fs'

const M49 = {
  'Northern Africa': 'DZ EG LY MA SD TN EH',
  'Eastern Africa': 'BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW',
  'Middle Africa': 'AO CM CF TD CG CD GQ GA ST',
  'Southern Africa': 'BW SZ LS NA ZA',
  'Western Africa': 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH',
  Caribbean: 'AG AI AW BS BB VG KY CU DM DO GD GP HT JM MQ MS PR KN LC VC TT TC VI BQ CW SX MF BL',
  'Central America': 'BZ CR SV GT HN MX NI PA',
  'South America': 'AR BO BR CL CO EC FK GF GY PY PE SR UY VE',
  'Northern America': 'BM CA GL PM US',
  'Central Asia': 'KZ KG TJ TM UZ',
  'Eastern Asia': 'CN HK MO JP KP KR MN TW',
  'South-eastern Asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  // One deliberate change to M49: Iran with its Gulf and Levant neighbours (Western Asia), where Arabic news
  // places it («الشرق الأوسط»), not with South Asia.
  'Southern Asia': 'AF BD BT IN MV NP PK LK',
  'Western Asia': 'AM AZ BH CY GE IQ IL IR JO KW LB OM QA SA PS SY TR AE YE',
  'Eastern Europe': 'BY BG CZ HU PL MD RO RU SK UA',
  'Northern Europe': 'DK EE FI FO IS IE IM JE GG LV LT NO SE GB',
  'Southern Europe': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  'Western Europe': 'AT BE FR DE LI LU MC NL CH',
  'Australia and New Zealand': 'AU NZ',
  Melanesia: 'FJ NC PG SB VU',
  Micronesia: 'GU KI MH FM NR MP PW',
  Polynesia: 'AS CK PF NU PN WS TK TO TV WF',
}
const of = new Map()
for (const [name, codes] of Object.entries(M49)) for (const c of codes.split(' ')) of.set(c, name)
const file = new URL('../../content/lexicon/places.json', import.meta.url)
const places = JSON.parse(fs.readFileSync(file, 'utf8'))
const missing = []
for (const p of places) {
  if (p.kind !== 'country') continue
  const sub = of.get(p.country)
  if (sub) p.subregion = sub
  else missing.push(`${p.country} ${p.english}`)
}
fs.writeFileSync(file, `${JSON.stringify(places, null, 2)}\n`)
console.log(missing.length ? `no sub-region for: ${missing.join(', ')}` : 'every country has its sub-region')
