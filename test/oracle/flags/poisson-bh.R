# Oracle for the flags test (analytics.md §2–3): R's exact conditional Poisson test and BH.
# Writes poisson-test.json and bh.json beside this script. Base R only; CI never needs R.
# Regenerate: Rscript test/oracle/flags/poisson-bh.R
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
obj <- function(fields) paste0("{", paste(sprintf('"%s": %s', names(fields), unlist(fields)), collapse = ", "), "}")
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")

cases <- list(
  c(0, 0, 10, 100), c(0, 5, 10, 100), c(1, 0, 10, 100), c(3, 0, 310, 2900), c(6, 9, 310, 2900),
  c(3, 9, 310, 2900), c(2, 30, 100, 1300), c(5, 5, 1, 13), c(12, 40, 250, 3000), c(20, 3, 50, 600),
  c(1, 1, 1, 1), c(50, 50, 1, 1), c(100, 1200, 1000, 13000), c(300, 2900, 5000, 52000),
  c(7, 0, 1, 1000), c(0, 7, 1000, 1), c(4, 2, 0.5, 0.5), c(40, 400, 2.5, 36.5), c(1000, 11000, 1, 13),
  c(2000, 10000, 1, 13), c(3, 13, 1, 13), c(9, 117, 28, 364), c(15, 12, 28, 364), c(60, 600, 77, 1000)
)
set.seed(20261201)
for (i in 1:40) {
  eR <- round(runif(1, 20, 4000)); eB <- round(eR * runif(1, 5, 20))
  xB <- rpois(1, runif(1, 0, 60)); xR <- rpois(1, (xB + 1) * eR / eB * runif(1, 0.5, 5))
  cases[[length(cases) + 1]] <- c(xR, xB, eR, eB)
}
rows <- sapply(cases, function(k) {
  p <- poisson.test(c(k[1], k[2]), T = c(k[3], k[4]), alternative = "greater")$p.value
  obj(list(xR = num(k[1]), xB = num(k[2]), eR = num(k[3]), eB = num(k[4]), p = num(p)))
})
writeLines(paste0("[\n  ", paste(rows, collapse = ",\n  "), "\n]"), file.path(here, "poisson-test.json"))

bh <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.05, 0.01, 0.05, 0.01, 0.2, 0.2, 0.001),
  c(1, 1, 1),
  c(0.5),
  c(0, 0, 0.3, 0.0001, 0.9, 0.04, 0.04, 0.04),
  runif(60)^3
)
rows <- sapply(bh, function(p) obj(list(p = arr(p), q = arr(p.adjust(p, method = "BH")))))
writeLines(paste0("[\n  ", paste(rows, collapse = ",\n  "), "\n]"), file.path(here, "bh.json"))
