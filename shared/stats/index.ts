// Nightsafe's statistics, in one place: Getis-Ord Gi* for hotspots, the exact conditional Poisson
// rate test for flags and the change view, Benjamini-Hochberg q-values for both, and the normal
// and binomial distributions beneath them. Each matches R (stats, spdep) to 1e-9 on the fixtures
// that test/oracle/oracle.R writes; how to regenerate them: test/oracle/README.md. Pure functions
// with no dependencies, so the server and the client may both use them.
export { benjaminiHochberg } from './bh.ts'
export { binomialLowerTail, binomialPmf, binomialUpperTail, logBinomialPmf, logGamma } from './binomial.ts'
export { confidenceBin, giStar, type GiStarResult } from './gi-star.ts'
export { normalTails, pnorm, twoSidedP } from './normal.ts'
export { poissonRateTest, smallestTwoSidedP, type Alternative } from './rate-test.ts'
