# The one oracle for shared/stats: R's own implementations of every statistic Nightsafe computes,
# written to test/oracle/fixtures.json, which test/oracle/oracle.test.ts compares with the
# TypeScript to 1e-9 (CI never needs R). The R and spdep versions go into the fixtures.
#   Gi*  spdep::localG with the cell itself (include.self) and binary weights (style "B") over queen
#        neighbours on a square grid; two-sided normal p-values; BH q-values over the cells.
#   BH   p.adjust(p, method = "BH").
#   Rate test  poisson.test(c(xR, xB), T = c(eR, eB), alternative), for all three alternatives.
#   pnorm  the normal tails behind the Gi* p-values.
# Run from the repository root: Rscript test/oracle/oracle.R (test/oracle/README.md says how to
# install R and spdep).
suppressPackageStartupMessages(library(spdep))

out_file <- "test/oracle/fixtures.json"
if (!dir.exists(dirname(out_file))) stop("run from the repository root: Rscript test/oracle/oracle.R")

# Minimal JSON: numbers with 17 significant digits (exact doubles), NaN and NA as null.
num <- function(v) ifelse(is.finite(v), sprintf("%.17g", v), "null")
arr <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
str <- function(s) sprintf('"%s"', gsub('"', '\\\\"', s))
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(fields), unlist(fields)), collapse = ","), "}")
}
list_of <- function(items) paste0("[\n  ", paste(unlist(items), collapse = ",\n  "), "\n]")

# --- Gi* ----------------------------------------------------------------------------------------
# Cells at integer (x, y); queen neighbours are those within 1.5 (diagonals are 1.41 away).
gi_case <- function(label, x, y, value) {
  nb <- include.self(dnearneigh(cbind(x, y), 0, 1.5))
  lw <- nb2listw(nb, style = "B", zero.policy = TRUE)
  z <- as.numeric(localG(value, lw, zero.policy = TRUE))
  p <- 2 * pnorm(-abs(z))
  q <- rep(NA_real_, length(p))
  if (all(is.finite(p))) q <- p.adjust(p, method = "BH")
  neighbours <- paste0("[", paste(sapply(nb, function(v) arr(sort(v) - 1)), collapse = ","), "]")
  obj(label = str(label), x = arr(x), y = arr(y), value = arr(value), neighbours = neighbours, z = arr(z), p = arr(p), q = arr(q))
}

gi <- list()
# An irregular area (a 6 x 5 block with a notch and a missing corner): edge, corner and inner cells.
g <- expand.grid(x = 0:5, y = 0:4)
g <- g[!((g$x == 5 & g$y == 4) | (g$x %in% 2:3 & g$y == 0)), ]
set.seed(7)
gi[[length(gi) + 1]] <- gi_case("irregular area with edge, corner and notch cells", g$x, g$y, c(9, rpois(nrow(g) - 3, 1.5), 0, 7))
# A full grid with the hot cells in a corner and on an edge, every other cell zero.
g8 <- expand.grid(x = 0:7, y = 0:7)
v <- rep(0, nrow(g8)); v[1] <- 12; v[2] <- 3; v[5] <- 6
gi[[length(gi) + 1]] <- gi_case("zero-count grid with hot corner and edge cells", g8$x, g8$y, v)
# No variance: every z is undefined (NaN in R, null here).
gi[[length(gi) + 1]] <- gi_case("all-zero grid", g8$x, g8$y, rep(0, nrow(g8)))
gi[[length(gi) + 1]] <- gi_case("constant grid", g8$x, g8$y, rep(3, nrow(g8)))
# 2 x 2: every neighbourhood is the whole area (k_i = n), so no z either.
gi[[length(gi) + 1]] <- gi_case("every neighbourhood covers the area", c(0, 1, 0, 1), c(0, 0, 1, 1), c(1, 4, 2, 8))
# A random 20 x 20 Poisson grid.
g20 <- expand.grid(x = 0:19, y = 0:19)
set.seed(20241225)
gi[[length(gi) + 1]] <- gi_case("random 20 x 20 Poisson grid", g20$x, g20$y, rpois(400, 2))
# Harm-weighted sums (not whole numbers) on the irregular area.
set.seed(3)
gi[[length(gi) + 1]] <- gi_case("harm-weighted sums", g$x, g$y, round(rexp(nrow(g), 0.05), 2))

# --- Benjamini-Hochberg -------------------------------------------------------------------------
set.seed(20261201)
bh_inputs <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.05, 0.01, 0.05, 0.01, 0.2, 0.2, 0.001),
  c(0.01, 0.01, 0.03, 0.03, 0.03, 0.2, 0.5, 0.5, 1),
  c(0.04, 0.001, 0.04, 0.9, 0.001, 0.04),
  c(0.0000001, 0.02, 0.02, 0.049, 0.05, 0.051, 0.3),
  c(0, 0, 0.3, 0.0001, 0.9, 0.04, 0.04, 0.04),
  c(1, 1, 1),
  c(0.5),
  runif(60)^3
)
bh <- lapply(bh_inputs, function(p) obj(p = arr(p), q = arr(p.adjust(p, method = "BH"))))

# --- Exact conditional Poisson rate test --------------------------------------------------------
# A grid of small counts over the change view's windows and the flag test's 28 against 364 days,
# then hand-picked cases (zero counts, huge counts, fractional exposures), then random ones.
rates <- list()
for (xR in c(0, 1, 3, 7, 12, 30, 85)) for (xB in c(0, 2, 5, 9, 40, 70)) for (e in list(c(31, 31), c(29, 28), c(28, 364))) {
  rates[[length(rates) + 1]] <- c(xR, xB, e)
}
picked <- list(
  c(0, 5, 10, 100), c(1, 0, 10, 100), c(3, 0, 310, 2900), c(6, 9, 310, 2900), c(3, 9, 310, 2900),
  c(2, 30, 100, 1300), c(5, 5, 1, 13), c(12, 40, 250, 3000), c(20, 3, 50, 600), c(1, 1, 1, 1),
  c(50, 50, 1, 1), c(100, 1200, 1000, 13000), c(300, 2900, 5000, 52000), c(7, 0, 1, 1000),
  c(0, 7, 1000, 1), c(4, 2, 0.5, 0.5), c(40, 400, 2.5, 36.5), c(1000, 11000, 1, 13),
  c(2000, 10000, 1, 13), c(3, 13, 1, 13), c(9, 117, 28, 364), c(15, 12, 28, 364), c(60, 600, 77, 1000)
)
rates <- c(rates, picked)
for (i in 1:40) {
  eR <- round(runif(1, 20, 4000)); eB <- round(eR * runif(1, 5, 20))
  xB <- rpois(1, runif(1, 0, 60)); xR <- rpois(1, (xB + 1) * eR / eB * runif(1, 0.5, 5))
  rates[[length(rates) + 1]] <- c(xR, xB, eR, eB)
}
rate <- lapply(rates, function(k) {
  p <- function(alternative) poisson.test(c(k[1], k[2]), T = c(k[3], k[4]), alternative = alternative)$p.value
  obj(xR = num(k[1]), xB = num(k[2]), eR = num(k[3]), eB = num(k[4]), twoSided = num(p("two.sided")), greater = num(p("greater")), less = num(p("less")))
})

# --- Normal tails -------------------------------------------------------------------------------
zs <- c(-40, -38.5, -10, -8, -5.66, -5.65, -3.2, -1.96, -0.674, -0.6744, -1e-9, 0, 1e-9, 0.3, 0.67448975, 0.68, 1.2, 2.5758, 4, 5.657, 6, 9, 37, 38.5)

versions <- obj(R = str(paste(R.version$major, R.version$minor, sep = ".")), spdep = str(as.character(packageVersion("spdep"))))
json <- paste0(
  "{\n",
  '"generatedBy": "Rscript test/oracle/oracle.R",\n',
  '"versions": ', versions, ",\n",
  '"giStar": ', list_of(gi), ",\n",
  '"bh": ', list_of(bh), ",\n",
  '"rateTest": ', list_of(rate), ",\n",
  '"pnorm": ', obj(x = arr(zs), lower = arr(pnorm(zs)), twoSided = arr(2 * pnorm(-abs(zs)))), "\n",
  "}"
)
writeLines(json, out_file)
cat("wrote", out_file, "with R", paste(R.version$major, R.version$minor, sep = "."), "and spdep", as.character(packageVersion("spdep")), "\n")
