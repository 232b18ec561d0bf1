/* matmul: 200x200 u32 matrix multiply with wrapping arithmetic, 60 times; checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Linear congruential generator (Numerical Recipes constants). */
struct lcg {
  uint32_t state;
};

static uint32_t lcg_next(struct lcg *g) {
  g->state = g->state * 1664525u + 1013904223u;
  return g->state;
}

/* An n x n row-major matrix. */
struct matrix {
  uint32_t n;
  uint32_t *data;
};

static struct matrix *matrix_new(uint32_t n) {
  struct matrix *m = malloc(sizeof *m);
  if (m == NULL) exit(1);
  m->n = n;
  m->data = calloc((size_t)n * n, sizeof *m->data);
  if (m->data == NULL) exit(1);
  return m;
}

/* c = a * b (i-k-j loop order). */
static void multiply(const struct matrix *a, const struct matrix *b, struct matrix *c) {
  const uint32_t n = a->n;
  const uint32_t *ad = a->data;
  const uint32_t *bd = b->data;
  uint32_t *cd = c->data;
  memset(cd, 0, (size_t)n * n * sizeof *cd);
  for (uint32_t i = 0; i < n; i++) {
    for (uint32_t k = 0; k < n; k++) {
      const uint32_t aik = ad[i * n + k];
      for (uint32_t j = 0; j < n; j++) cd[i * n + j] += aik * bd[k * n + j];
    }
  }
}

int main(void) {
  const uint32_t n = 200;
  const uint32_t reps = 60;
  struct matrix *a = matrix_new(n);
  struct matrix *b = matrix_new(n);
  struct matrix *c = matrix_new(n);
  struct lcg rng = {7};
  for (uint32_t i = 0; i < n * n; i++) {
    a->data[i] = lcg_next(&rng) >> 16;
    b->data[i] = lcg_next(&rng) >> 16;
  }
  uint32_t sum = 0;
  for (uint32_t r = 0; r < reps; r++) {
    multiply(a, b, c);
    for (uint32_t i = 0; i < n * n; i++) sum += c->data[i];
    a->data[r] = sum; /* feed the result back so repetitions are not redundant */
  }
  printf("matmul %u\n", sum);
  return 0;
}
