/**
 * One-off maintenance script (kept for the record and for re-runs): adds every ISO 3166-1 country missing
 * from content/lexicon/places.json, with its Arabic and English names from Unicode CLDR (through Node's
 * `Intl.DisplayNames`), plus the Arabic spellings news outlets use beside CLDR's. Existing entries are
 * never changed. Run: `node scripts/lexicon/add-countries.mjs`.
 */
import fs from 'node:fs'

const file = new URL('../../content/lexicon/places.json', import.meta.url)
const places = JSON.parse(fs.readFileSync(file, 'utf8'))
// Not countries (EU, UN, pseudo-locales, unknown), deprecated or duplicate codes, territories without a
// government of their own that Arabic news rarely names; HK and MO are cities in the lexicon already.
// ML («مالي») is left out: the same letters are the adjective "financial", common in political news.
const SKIP = new Set('AC AN AQ AX BL BQ BU BV CC CP CQ CS CW CX DD DG DY EA EU EZ FX GS HK HM HV IC IO MF MO NH NF PM QO RH SH SJ SU SX TA TF TP UK UM UN VD XA XB YD YU ZR ZZ ML'.split(' '))
// CLDR's Arabic name first, then the other spellings in use; the first of a list replaces CLDR's as canonical.
const EXTRA = {
  CD: ['جمهورية الكونغو الديمقراطية', 'الكونغو الديمقراطية'],
  CG: ['جمهورية الكونغو'],
  CI: ['ساحل العاج', 'كوت ديفوار'],
  CZ: ['التشيك', 'جمهورية التشيك'],
  DK: ['الدنمارك', 'الدانمرك'],
  ET: ['إثيوبيا', 'أثيوبيا'],
  ER: ['إريتريا', 'أريتريا'],
  MM: ['ميانمار', 'بورما'],
  TL: ['تيمور الشرقية', 'تيمور ليشتي'],
  BA: ['البوسنة والهرسك', 'البوسنة'],
  MK: ['مقدونيا الشمالية', 'مقدونيا'],
  OM: ['سلطنة عمان', 'عُمان'],
  LY: ['ليبيا'],
  SD: ['السودان'],
  SS: ['جنوب السودان'],
  MA: ['المغرب', 'المملكة المغربية'],
  DZ: ['الجزائر'],
  TN: ['تونس'],
  BH: ['البحرين', 'مملكة البحرين'],
  KW: ['الكويت', 'دولة الكويت'],
  ZA: ['جنوب أفريقيا', 'جنوب إفريقيا'],
  CF: ['جمهورية أفريقيا الوسطى', 'أفريقيا الوسطى'],
  VA: ['الفاتيكان'],
  AZ: ['أذربيجان'],
  AF: ['أفغانستان'],
  SO: ['الصومال'],
  MR: ['موريتانيا'],
  VE: ['فنزويلا'],
  CH: ['سويسرا'],
  AT: ['النمسا'],
  XK: ['كوسوفو'],
}
const ar = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' })
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const have = new Set(places.filter((p) => p.kind === 'country').map((p) => p.country))
const ids = new Set(places.map((p) => p.id))
let added = 0
for (let a = 65; a < 91; a++) {
  for (let b = 65; b < 91; b++) {
    const code = String.fromCharCode(a, b)
    const arName = ar.of(code)
    if (!arName || have.has(code) || SKIP.has(code)) continue
    const cldr = arName.replace(/\s*\(.*\)\s*/, '').replace(/\s+-\s+/g, ' ').trim()
    const names = [...new Set([...(EXTRA[code] ?? []), cldr])]
    const english = en.of(code).replace(/&/g, 'and')
    const id = english.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    if (ids.has(id)) continue
    places.push({ id, canonical: names[0], variants: names, english, kind: 'country', country: code })
    ids.add(id)
    added++
  }
}
fs.writeFileSync(file, `${JSON.stringify(places, null, 2)}\n`)
console.log(`added ${added} countries; places now ${places.length}`)
