/* string_builder: bench/programs/string_builder.ts as a C programmer would
 * write it: each report is appended to one growable char buffer (no separate
 * line strings, no join), numbers formatted by a hand-written utoa, padding
 * written in place. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORTS 400
#define ITEMS 2000

static const char *const NAMES[] = {"apple", "bolt", "cable", "drill", "eraser", "flask", "gear", "hinge", "ink", "jack"};

struct item {
  uint32_t id, quantity, cents;
  const char *name;
};

struct buf {
  char *data;
  size_t len, cap;
};

static void reserve(struct buf *b, size_t more) {
  if (b->len + more <= b->cap) return;
  while (b->len + more > b->cap) b->cap = b->cap ? b->cap * 2 : 256;
  b->data = realloc(b->data, b->cap);
  if (!b->data) abort();
}

static void put(struct buf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

static void pad(struct buf *b, size_t n) {
  reserve(b, n);
  memset(b->data + b->len, ' ', n);
  b->len += n;
}

/* Decimal digits of v into tmp (right-aligned); returns the start. */
static char *utoa(uint64_t v, char tmp[24]) {
  char *p = tmp + 24;
  do *--p = (char)('0' + v % 10);
  while (v /= 10);
  return p;
}

static void put_u(struct buf *b, uint64_t v) {
  char tmp[24], *p = utoa(v, tmp);
  put(b, p, tmp + 24 - p);
}

/* s padded on the left (right = 0) or right (right = 1) to width. */
static void put_padded(struct buf *b, const char *s, size_t n, size_t width, int right) {
  if (!right && n < width) pad(b, width - n);
  put(b, s, n);
  if (right && n < width) pad(b, width - n);
}

static void put_u_padded(struct buf *b, uint64_t v, size_t width) {
  char tmp[24], *p = utoa(v, tmp);
  put_padded(b, p, tmp + 24 - p, width, 0);
}

static void put_money_padded(struct buf *b, uint32_t cents, size_t width) {
  char tmp[32];
  char digits[24], *p = utoa(cents / 100, digits);
  size_t n = digits + 24 - p;
  memcpy(tmp, p, n);
  tmp[n++] = '.';
  uint32_t rest = cents % 100;
  tmp[n++] = (char)('0' + rest / 10);
  tmp[n++] = (char)('0' + rest % 10);
  put_padded(b, tmp, n, width, 0);
}

static void make_items(struct item *items, int count, uint32_t seed) {
  for (int i = 0; i < count; i++) {
    seed = seed * 1103515245u + 12345u;
    uint32_t r = seed >> 8;
    items[i].id = i + 1;
    items[i].name = NAMES[r % 10];
    items[i].quantity = 1 + r % 50;
    items[i].cents = 99 + r % 100000;
  }
}

static void render_table(struct buf *b, const struct item *items, int count) {
  put_padded(b, "id", 2, 6, 0);
  put(b, " ", 1);
  put_padded(b, "name", 4, 8, 1);
  put(b, " ", 1);
  put_padded(b, "qty", 3, 4, 0);
  put(b, " ", 1);
  put_padded(b, "price", 5, 10, 0);
  for (int i = 0; i < count; i++) {
    put(b, "\n", 1);
    put_u_padded(b, items[i].id, 6);
    put(b, " ", 1);
    put_padded(b, items[i].name, strlen(items[i].name), 8, 1);
    put(b, " ", 1);
    put_u_padded(b, items[i].quantity, 4);
    put(b, " ", 1);
    put_money_padded(b, items[i].cents, 10);
  }
}

static void render_json(struct buf *b, const struct item *items, int count) {
  put(b, "[", 1);
  for (int i = 0; i < count; i++) {
    if (i > 0) put(b, ",", 1);
    puts_(b, "{\"id\":");
    put_u(b, items[i].id);
    puts_(b, ",\"name\":\"");
    puts_(b, items[i].name);
    puts_(b, "\",\"quantity\":");
    put_u(b, items[i].quantity);
    puts_(b, ",\"total\":");
    put_u(b, (uint64_t)items[i].quantity * items[i].cents);
    puts_(b, "}");
  }
  put(b, "]", 1);
}

static uint32_t checksum(const struct buf *b) {
  uint32_t h = 0;
  for (size_t i = 0; i < b->len; i++) h = h * 31u + (unsigned char)b->data[i];
  return h;
}

int main(void) {
  uint64_t total_length = 0;
  uint32_t combined = 0;
  struct item *items = malloc(sizeof *items * ITEMS);
  if (!items) abort();
  for (int r = 0; r < REPORTS; r++) {
    make_items(items, ITEMS, 1000 + r);
    struct buf table = {0}, json = {0};
    render_table(&table, items, ITEMS);
    render_json(&json, items, ITEMS);
    if (r == 0) {
      size_t line_start = 0;
      for (int lines = 0; lines < 4; lines++) {
        size_t e = line_start;
        while (e < table.len && table.data[e] != '\n') e++;
        printf("%.*s\n", (int)(e - line_start), table.data + line_start);
        line_start = e + 1;
      }
      printf("%.*s\n", (int)(json.len < 78 ? json.len : 78), json.data);
    }
    total_length += table.len + json.len;
    combined = (combined * 16777619u) ^ checksum(&table) ^ checksum(&json);
    free(table.data);
    free(json.data);
  }
  printf("string_builder %llu %u\n", (unsigned long long)total_length, combined);
  free(items);
  return 0;
}
