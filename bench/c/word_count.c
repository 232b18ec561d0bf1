/* word_count: bench/programs/word_count.ts as a C programmer would write it:
 * the text is generated into one growable char buffer, words are (pointer,
 * length) slices of it, counted in an open-addressing hash table (FNV-1a,
 * doubled at half load), and the entries sorted with qsort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 400000
#define TOP 10
#define PASSES 20

static const char *const SYLLABLES[] = {"ka", "lo", "mi", "ren", "to", "sa", "vi", "nor",
                                        "el", "qua", "dim", "pe", "ru", "ost", "ba", "fen"};
#define N_SYLLABLES 16u

struct entry {
  const char *word;
  uint32_t len;
  int32_t count;
};

struct table {
  struct entry *slots; /* word == NULL: empty */
  uint32_t cap, size;
};

static void *xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) abort();
  return p;
}

static uint32_t seed;

static uint32_t next(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

/* The text: words separated by single spaces; *len receives its length. */
static char *generate_text(int words, uint32_t first_seed, size_t *len) {
  seed = first_seed;
  size_t cap = 1 << 16, n = 0;
  char *text = xmalloc(cap);
  for (int i = 0; i < words; i++) {
    uint32_t r = next();
    int syllables = 1 + (r % 7 == 0 ? 2 : r % 3 == 0 ? 1 : 0);
    if (n + 1 + 3 * syllables > cap) {
      cap *= 2;
      text = realloc(text, cap);
      if (!text) abort();
    }
    if (i > 0) text[n++] = ' ';
    for (int s = 0; s < syllables; s++) {
      const char *syl = SYLLABLES[next() % N_SYLLABLES];
      size_t l = strlen(syl);
      memcpy(text + n, syl, l);
      n += l;
    }
  }
  *len = n;
  return text;
}

static uint32_t hash(const char *s, uint32_t len) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void grow(struct table *t);

static void add(struct table *t, const char *word, uint32_t len, int32_t count) {
  uint32_t mask = t->cap - 1;
  for (uint32_t i = hash(word, len) & mask;; i = (i + 1) & mask) {
    struct entry *e = &t->slots[i];
    if (!e->word) {
      e->word = word;
      e->len = len;
      e->count = count;
      if (++t->size * 2 > t->cap) grow(t);
      return;
    }
    if (e->len == len && memcmp(e->word, word, len) == 0) {
      e->count += count;
      return;
    }
  }
}

static void grow(struct table *t) {
  struct entry *old = t->slots;
  uint32_t old_cap = t->cap;
  t->cap *= 2;
  t->size = 0;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots) abort();
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i].word) add(t, old[i].word, old[i].len, old[i].count);
  free(old);
}

static int by_count_then_word(const void *pa, const void *pb) {
  const struct entry *a = pa, *b = pb;
  if (a->count != b->count) return a->count < b->count ? 1 : -1;
  uint32_t l = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->word, b->word, l);
  if (c != 0) return c;
  return (a->len > b->len) - (a->len < b->len);
}

int main(void) {
  int64_t checksum = 0;
  uint32_t distinct = 0;
  struct entry top[TOP];
  int n_top = 0;
  char *last_text = NULL;
  for (int pass = 0; pass < PASSES; pass++) {
    size_t len;
    char *text = generate_text(WORDS + pass * 1000, 2024 + pass, &len);
    struct table counts = {calloc(1024, sizeof(struct entry)), 1024, 0};
    if (!counts.slots) abort();
    for (size_t i = 0; i <= len;) {
      size_t j = i;
      while (j < len && text[j] != ' ') j++;
      if (j > i) add(&counts, text + i, (uint32_t)(j - i), 1);
      i = j + 1;
    }
    struct entry *entries = xmalloc(sizeof *entries * counts.size);
    uint32_t n = 0;
    for (uint32_t i = 0; i < counts.cap; i++)
      if (counts.slots[i].word) entries[n++] = counts.slots[i];
    qsort(entries, n, sizeof *entries, by_count_then_word);
    n_top = n < TOP ? (int)n : TOP;
    memcpy(top, entries, sizeof *top * n_top);
    distinct = counts.size;
    for (uint32_t i = 0; i < n; i++) checksum = (checksum * 31 + (int64_t)entries[i].count * (i + 1) + entries[i].len) % 1000000007;
    free(entries);
    free(counts.slots);
    free(last_text); /* the last text holds the top words' characters */
    last_text = text;
  }
  for (int i = 0; i < n_top; i++) printf("%-12.*s %d\n", (int)top[i].len, top[i].word, top[i].count);
  printf("word_count %u distinct, checksum %lld\n", distinct, (long long)checksum);
  free(last_text);
  return 0;
}
