/* pipeline: bench/programs/pipeline.ts as a C programmer would write it: the
 * orders and line totals are arrays of structs, each map/filter/slice is a
 * loop into a fresh malloc'd array (freed at the end of the round), the
 * captured round parameters are plain locals, and the sort is qsort with the
 * same comparator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ORDERS 20000
#define ROUNDS 1000
#define CATEGORIES 8

struct order {
  int32_t id, customer, category, price, quantity;
};

struct line_total {
  int32_t id, customer;
  int64_t total;
};

static uint32_t seed = 12345;

static int32_t next(int32_t bound) {
  seed = seed * 1103515245u + 12345u;
  return (int32_t)((seed >> 8) % (uint32_t)bound);
}

static void *xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) abort();
  return p;
}

static struct order *make_orders(int count) {
  struct order *orders = xmalloc(sizeof *orders * count);
  for (int i = 0; i < count; i++) {
    orders[i].id = i;
    orders[i].customer = next(500);
    orders[i].category = next(CATEGORIES);
    orders[i].price = 100 + next(10000);
    orders[i].quantity = 1 + next(20);
  }
  return orders;
}

static int by_total_desc(const void *pa, const void *pb) {
  const struct line_total *a = pa, *b = pb;
  if (a->total != b->total) return a->total < b->total ? 1 : -1;
  return (a->id > b->id) - (a->id < b->id);
}

static int64_t run_round(const struct order *orders, int n, int round) {
  int32_t category = round % CATEGORIES;
  int64_t threshold = 1000 + (round % 17) * 5000;
  int64_t discount_percent = 5 + (round % 4) * 5;

  int64_t *amounts = xmalloc(sizeof *amounts * n);
  for (int i = 0; i < n; i++) amounts[i] = (int64_t)orders[i].price * orders[i].quantity;
  int64_t *large = xmalloc(sizeof *large * n);
  int n_large = 0;
  for (int i = 0; i < n; i++)
    if (amounts[i] > threshold) large[n_large++] = amounts[i];
  int64_t large_sum = 0;
  for (int i = 0; i < n_large; i++) large_sum += large[i];
  int64_t largest = 0;
  for (int i = 0; i < n; i++)
    if (amounts[i] > largest) largest = amounts[i];

  const struct order **in_category = xmalloc(sizeof *in_category * n);
  int n_lines = 0;
  for (int i = 0; i < n; i++)
    if (orders[i].category == category) in_category[n_lines++] = &orders[i];
  struct line_total *lines = xmalloc(sizeof *lines * n_lines);
  for (int i = 0; i < n_lines; i++) {
    const struct order *o = in_category[i];
    lines[i].id = o->id;
    lines[i].customer = o->customer;
    lines[i].total = (int64_t)o->price * o->quantity * (100 - discount_percent) / 100;
  }
  int64_t line_sum = 0;
  for (int i = 0; i < n_lines; i++) line_sum += lines[i].total;
  int big_spender = 0;
  for (int i = 0; i < n_lines && !big_spender; i++) big_spender = lines[i].total > threshold * 10;
  int first_large = -1;
  for (int i = 0; i < n_lines; i++)
    if (lines[i].total > threshold) {
      first_large = i;
      break;
    }

  struct line_total *ranked = xmalloc(sizeof *ranked * n_lines);
  memcpy(ranked, lines, sizeof *ranked * n_lines);
  qsort(ranked, n_lines, sizeof *ranked, by_total_desc);
  int n_top = n_lines < 10 ? n_lines : 10;
  struct line_total *top_ten = xmalloc(sizeof *top_ten * n_top);
  memcpy(top_ten, ranked, sizeof *top_ten * n_top);
  int64_t top = 0;
  for (int i = 0; i < n_top; i++) top += top_ten[i].total * (i + 1) + top_ten[i].customer;

  free(top_ten);
  free(ranked);
  free(lines);
  free(in_category);
  free(large);
  free(amounts);
  return ((large_sum % 1000003) + largest + line_sum + big_spender + first_large + top) % 1000000007;
}

int main(void) {
  struct order *orders = make_orders(ORDERS);
  int64_t checksum = 0;
  for (int round = 0; round < ROUNDS; round++) {
    checksum = (checksum * 31 + run_round(orders, ORDERS, round)) % 1000000007;
    if ((round + 1) % 250 == 0) printf("round %d: %lld\n", round + 1, (long long)checksum);
  }
  printf("pipeline %lld\n", (long long)checksum);
  free(orders);
  return 0;
}
