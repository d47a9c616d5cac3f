// Counts in words that agree with their number: "1 incident", "2 incidents", "1,204 cells".
// Used by the client and by the server's texts (emails, flags, briefings) alike.

/** The count (with thousands separators) and the noun, plural unless the count is exactly one. */
export function plural (count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`
}

/** Words as a person lists them: "a", "a and b", "a, b and c". */
export function listInWords (words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}
