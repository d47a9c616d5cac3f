# Oracle for the hotspot statistics (analytics.md §1 and §3): spdep localG with the cell itself
# and binary queen weights, two-sided normal p, p.adjust BH, and poisson.test for the change view.
# Writes JSON fixtures beside this script; the TypeScript tests compare to them to 1e-9.
# Run from the repository root: Rscript test/oracle/hotspots/gi-star.R
# Needs: apt-get install -y --no-install-recommends r-base-core r-cran-spdep (jsonlite is not needed).
suppressPackageStartupMessages(library(spdep))

num <- function(v) ifelse(is.finite(v), sprintf("%.17g", v), "null")
arr <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(fields), unlist(fields)), collapse = ","), "}")
}
out_dir <- "test/oracle/hotspots"
write_fixture <- function(name, text) writeLines(text, file.path(out_dir, name))

# One grid case: cells at integer (x, y), queen neighbours (distance <= 1.5), self included.
gi_case <- function(label, x, y, value) {
  coords <- cbind(x, y)
  nb <- dnearneigh(coords, 0, 1.5)
  lw <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
  z <- as.numeric(localG(value, lw, zero.policy = TRUE))
  p <- 2 * pnorm(-abs(z))
  q <- rep(NA_real_, length(p))
  if (all(is.finite(p))) q <- p.adjust(p, method = "BH")
  obj(label = sprintf('"%s"', label), x = arr(x), y = arr(y), value = arr(value), z = arr(z), p = arr(p), q = arr(q))
}

cases <- list()
# Irregular area: a 6 x 5 block with a notch and a missing corner, so edge, corner and inner cells differ.
g <- expand.grid(x = 0:5, y = 0:4)
keep <- !((g$x == 5 & g$y == 4) | (g$x %in% 2:3 & g$y == 0))
g <- g[keep, ]
set.seed(7)
cases[[length(cases) + 1]] <- gi_case("irregular area with edges and corners", g$x, g$y, c(9, rpois(nrow(g) - 3, 1.5), 0, 7))
# Mostly zero grid with one hot cell in a corner.
g2 <- expand.grid(x = 0:7, y = 0:7)
v2 <- rep(0, nrow(g2)); v2[1] <- 12; v2[2] <- 3
cases[[length(cases) + 1]] <- gi_case("zero-count grid with a hot corner", g2$x, g2$y, v2)
# All zeros and a constant grid: S = 0, no z (NaN in R, null here).
cases[[length(cases) + 1]] <- gi_case("all zero grid", g2$x, g2$y, rep(0, nrow(g2)))
cases[[length(cases) + 1]] <- gi_case("constant grid", g2$x, g2$y, rep(3, nrow(g2)))
# 2 x 2: every cell's neighbourhood is the whole area (k_i = n), no z.
cases[[length(cases) + 1]] <- gi_case("neighbourhood covers the area", c(0, 1, 0, 1), c(0, 0, 1, 1), c(1, 4, 2, 8))
# Random 20 x 20 Poisson grid.
g3 <- expand.grid(x = 0:19, y = 0:19)
set.seed(20241225)
cases[[length(cases) + 1]] <- gi_case("random 20x20 Poisson grid", g3$x, g3$y, rpois(400, 2))
# Harm-like weights (non-integer sums).
set.seed(3)
cases[[length(cases) + 1]] <- gi_case("weighted sums", g$x, g$y, round(rexp(nrow(g), 0.05), 2))
write_fixture("gi-star.fixtures.json", paste0("[\n", paste(unlist(cases), collapse = ",\n"), "\n]"))

# Benjamini-Hochberg with ties.
bh_inputs <- list(
  c(0.01, 0.01, 0.03, 0.03, 0.03, 0.2, 0.5, 0.5, 1),
  c(0.04, 0.001, 0.04, 0.9, 0.001, 0.04),
  c(1, 1, 1),
  c(0.0000001, 0.02, 0.02, 0.049, 0.05, 0.051, 0.3)
)
bh <- sapply(bh_inputs, function(p) obj(p = arr(p), q = arr(p.adjust(p, method = "BH"))))
write_fixture("bh.fixtures.json", paste0("[\n", paste(bh, collapse = ",\n"), "\n]"))

# Standard normal lower tail, over the range z takes.
zs <- c(-40, -38.5, -10, -8, -5.66, -5.65, -3.2, -1.96, -0.674, -0.6744, -1e-9, 0, 1e-9, 0.3, 0.67448975, 0.68, 1.2, 2.5758, 4, 5.657, 6, 9, 37, 38.5)
write_fixture("pnorm.fixtures.json", obj(x = arr(zs), lower = arr(pnorm(zs)), twoSided = arr(2 * pnorm(-abs(zs)))))

# Exact conditional Poisson test (two windows with exposures), all three alternatives.
pt <- list()
for (x1 in c(0, 1, 3, 7, 12, 30, 85)) for (x0 in c(0, 2, 5, 9, 40, 70)) for (ex in list(c(31, 31), c(29, 28), c(28, 364))) {
  if (x1 + x0 == 0) next
  two <- poisson.test(c(x1, x0), T = ex, alternative = "two.sided")$p.value
  gre <- poisson.test(c(x1, x0), T = ex, alternative = "greater")$p.value
  les <- poisson.test(c(x1, x0), T = ex, alternative = "less")$p.value
  pt[[length(pt) + 1]] <- obj(x1 = num(x1), x0 = num(x0), t1 = num(ex[1]), t0 = num(ex[2]), twoSided = num(two), greater = num(gre), less = num(les))
}
write_fixture("poisson-test.fixtures.json", paste0("[\n", paste(unlist(pt), collapse = ",\n"), "\n]"))
cat("fixtures written to", out_dir, "\n")
