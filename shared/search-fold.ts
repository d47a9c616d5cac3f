// One way to compare what someone types with a name in the register, so "Hoop and Grapes",
// "hoop & grapes" and "Hoop-&-Grapes!" all find The Hoop & Grapes: case and accents are
// dropped, "&" reads as "and", and every run of punctuation or spaces becomes one space.
//
// The register keeps each premises' folded text in a column the database computes
// (premises.search_text, from the same steps written in SQL in its migration); a search folds
// the words typed with foldForSearch and looks for them there. test/premises/search.test.ts
// checks the two agree on awkward names.

/**
 * Accented letters, lower and upper case, and the plain letters they fold to, in the same order
 * (SQL translate() takes the same pair; both cases because the database's lower() may leave
 * letters outside ASCII as they are).
 */
export const ACCENTED = 'àáâãäåāçćčèéêëēėęìíîïīłñńòóôõöøōśšùúûüūýÿžźżÀÁÂÃÄÅĀÇĆČÈÉÊËĒĖĘÌÍÎÏĪŁÑŃÒÓÔÕÖØŌŚŠÙÚÛÜŪÝŸŽŹŻ'
export const PLAIN = 'aaaaaaaccceeeeeeeiiiiilnnooooooossuuuuuyyzzzaaaaaaaccceeeeeeeiiiiilnnooooooossuuuuuyyzzz'

/** Lower case, accents dropped, apostrophes dropped (O'Neill's, O’Neills), "&" as "and", other punctuation and spaces as single spaces, trimmed. */
export function foldForSearch (text: string): string {
  let out = ''
  for (const ch of text.toLowerCase()) {
    const at = ACCENTED.indexOf(ch)
    out += at >= 0 ? PLAIN[at] : ch
  }
  return out.replace(/['’‘`]/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim()
}
