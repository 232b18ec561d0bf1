/* insertion_sort: insertion sort of 45,000 pseudo-random u32 from an LCG; weighted checksum. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Linear congruential generator (Numerical Recipes constants). */
struct lcg {
  uint32_t state;
};

static uint32_t lcg_next(struct lcg *g) {
  g->state = g->state * 1664525u + 1013904223u;
  return g->state;
}

static void insertion_sort(uint32_t *a, uint32_t n) {
  for (uint32_t i = 1; i < n; i++) {
    uint32_t v = a[i];
    uint32_t j = i;
    while (j > 0 && a[j - 1] > v) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = v;
  }
}

int main(void) {
  const uint32_t n = 45000;
  uint32_t *a = malloc(n * sizeof *a);
  if (a == NULL) return 1;
  struct lcg rng = {42};
  for (uint32_t i = 0; i < n; i++) a[i] = lcg_next(&rng);
  insertion_sort(a, n);
  uint32_t sum = 0;
  bool sorted = true;
  for (uint32_t i = 0; i < n; i++) {
    sum += a[i] * (i + 1);
    if (i > 0 && a[i - 1] > a[i]) sorted = false;
  }
  printf("insertion_sort %u %s\n", sum, sorted ? "true" : "false");
  free(a);
  return 0;
}
