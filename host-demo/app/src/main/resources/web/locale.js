// Dates, countries and phone numbers as a person reads and types them, in the browser's language.
// Values sent to the server stay machine forms: ISO dates (2026-12-01), ISO 3166-1 alpha-2 codes (ES),
// E.164 phone numbers (+34600000000).

// ---- dates ----
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date-only values are calendar days, not instants: format them in UTC so no time zone moves them a day.
const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const DAY_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "2026-12-01" → "Dec 1, 2026" (en-US) or "1 dic 2026" (es); an instant also gets its local time. */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') return '—';
  const s = String(value);
  const day = ISO_DATE.exec(s);
  if (day) {
    const d = new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]));
    return isNaN(d.getTime()) ? s : DAY_FORMAT.format(d);
  }
  const d = new Date(s);
  return isNaN(d.getTime()) ? s : DAY_TIME_FORMAT.format(d);
}

/** A calendar day as this app shows it, for hints: today's date in the browser's format. */
export function exampleDate() {
  const now = new Date();
  return DAY_FORMAT.format(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

// The order of day, month and year in the browser's numeric dates (12/1/2026 in en-US, 1/12/2026 in es).
const NUMERIC_ORDER = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
  .formatToParts(new Date(Date.UTC(2026, 11, 1)))
  .map((p) => p.type).filter((t) => t === 'day' || t === 'month' || t === 'year');

const fold = (s) => s.toLocaleLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
// Month names in the browser's language and in English, long and short, to their month number.
const MONTHS = new Map();
for (const locale of [undefined, 'en']) {
  for (const month of ['long', 'short']) {
    const f = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) MONTHS.set(fold(f.format(new Date(Date.UTC(2026, m, 1)))), m + 1);
  }
}

function isoDay(y, m, d) {
  if (y < 100) y += y + 2000 <= new Date().getFullYear() + 20 ? 2000 : 1900;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a date as a person types it: the app's own format ("Dec 1, 2026"), the browser's numeric format
 * ("12/1/2026" in en-US, "1/12/2026" in es), a month name in the browser's language or English, or ISO.
 * @return the ISO date, '' for an empty input, or null when it is not a date
 */
export function parseDate(text) {
  const s = String(text || '').trim();
  if (!s) return '';
  const iso = ISO_DATE.exec(s);
  if (iso) return isoDay(+iso[1], +iso[2], +iso[3]);
  const tokens = s.split(/[\s,./-]+/).filter(Boolean).filter((t) => !/^(de|of|the)$/i.test(t));
  const numbers = tokens.filter((t) => /^\d+$/.test(t)).map(Number);
  const words = tokens.filter((t) => !/^\d+$/.test(t));
  if (words.length === 1 && numbers.length === 2) {
    const month = MONTHS.get(fold(words[0].replace(/\.$/, '')));
    if (!month) return null;
    const yearFirst = /^\d{3,4}$/.test(tokens[0]);
    const [year, day] = yearFirst ? numbers : (numbers[1] > 31 || String(numbers[1]).length === 4 ? [numbers[1], numbers[0]] : [numbers[0], numbers[1]]);
    return isoDay(year, month, day);
  }
  if (words.length === 0 && numbers.length === 3) {
    if (/^\d{4}$/.test(tokens[0])) return isoDay(numbers[0], numbers[1], numbers[2]);
    const parts = {};
    NUMERIC_ORDER.forEach((type, i) => { parts[type] = numbers[i]; });
    return isoDay(parts.year, parts.month, parts.day);
  }
  return null;
}

// ---- countries (ISO 3166-1 alpha-2, the same list as the host's Java runtime) ----
export const COUNTRY_CODES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY '
  + 'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK '
  + 'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR '
  + 'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK '
  + 'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM '
  + 'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF '
  + 'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

const regionNames = (locale) => {
  try { return new Intl.DisplayNames(locale, { type: 'region' }); } catch (e) { return null; }
};
const LOCAL_NAMES = regionNames(undefined);
const ENGLISH_NAMES = regionNames('en');
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** "ES" → "Spain" (or "España" in a Spanish browser); an unknown code is shown as it is. */
export function countryName(code) {
  if (!code) return '';
  const c = String(code).trim().toUpperCase();
  if (!COUNTRY_CODES.includes(c)) return String(code);
  return (LOCAL_NAMES && LOCAL_NAMES.of(c)) || c;
}

let countryList = null;
/** Every country as {code, name, search}, sorted by name in the browser's language. */
export function countries() {
  if (!countryList) {
    countryList = COUNTRY_CODES.map((code) => {
      const name = countryName(code);
      const english = (ENGLISH_NAMES && ENGLISH_NAMES.of(code)) || code;
      return { code, name, search: [fold(name), fold(english), code.toLowerCase()] };
    }).sort((a, b) => collator.compare(a.name, b.name));
  }
  return countryList;
}

/** The countries whose name (local or English) or code matches what was typed; name starts first. */
export function searchCountries(text) {
  const q = fold(String(text || '').trim());
  if (!q) return countries();
  const starts = [];
  const contains = [];
  for (const c of countries()) {
    if (c.search[2] === q || c.search[0].startsWith(q) || c.search[1].startsWith(q)) starts.push(c);
    else if (c.search[0].includes(q) || c.search[1].includes(q)) contains.push(c);
  }
  return starts.concat(contains);
}

/** The code for exactly what was typed: a code, or a full name in the browser's language or English. */
export function countryFromText(text) {
  const q = fold(String(text || '').trim());
  if (!q) return '';
  const hit = countries().find((c) => c.search.includes(q));
  return hit ? hit.code : null;
}

// ---- phone numbers ----
/**
 * Normalises an international number as typed ("+34 600 00 00 00", "0034 600-000-000") to E.164
 * ("+34600000000"). A number without its country code is returned as typed, for the host to read in the
 * address country; letters or a wrong length give null.
 */
export function normalisePhone(text) {
  const s = String(text || '').trim();
  if (!s) return '';
  if (!/^[+0-9 ()./-]+$/.test(s)) return null;
  let digits = s.replace(/[^0-9+]/g, '');
  if (digits.startsWith('00')) digits = '+' + digits.slice(2);
  if (digits.indexOf('+', 1) >= 0) return null;
  if (!digits.startsWith('+')) return /^\d{6,15}$/.test(digits) ? s : null;
  return /^\+[1-9]\d{6,14}$/.test(digits) ? digits : null;
}
