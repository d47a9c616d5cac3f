// The scheme's yearly cycle: a certificate is valid to 31 December of the year of award.
export const validUntilFor = (year: number) => `${year}-12-31`
