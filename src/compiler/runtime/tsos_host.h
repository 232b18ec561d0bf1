/*
 * tsos_host.h: the runtime of the hosted target (a Linux executable).
 *
 * Input:  included first by generated C for `--target host`.
 * Output: output through stdio, memory through runtime/tsos_alloc.h (calloc
 *         and free unless the program installs an allocator), panics that
 *         print `panicked at file:line:col: message` to stderr and exit 101.
 * Invariants: stdout is flushed before anything is written to stderr and
 *             before exit, so interleaving matches Node's for line output.
 */
#ifndef TSOS_HOST_H
#define TSOS_HOST_H
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <setjmp.h>
#include "tsos_rt.h"
#include "tsos_fault.h"

/*
 * Exceptions (lower/exceptions.ts): each `try` pushes a handler (a jmp_buf on
 * the C stack, linked to the one outside it); `throw` longjmps to the
 * innermost one with the thrown object in tsos_thrown. With no handler, the
 * generated code reports the exception (lib/std/error.ts `uncaught`).
 */
typedef struct tsos_try {
  jmp_buf buf;
  struct tsos_try *prev;
} tsos_try;
static tsos_try *tsos_try_top;
static void *tsos_thrown;
static tsos_str tsos_thrown_site;
static inline bool tsos_no_handler(void) { return tsos_try_top == NULL; }
static inline tsos_str tsos_throw_site(void) { return tsos_thrown_site; }
__attribute__((noreturn)) static inline void tsos_throw(void *e, tsos_str site) {
  tsos_thrown = e;
  tsos_thrown_site = site;
  longjmp(tsos_try_top->buf, 1);
}
/*
 * An exception that returns (compiler/rc.ts): a `throw` outside any `try` of
 * its own function sets it pending and returns; each caller tests
 * tsos_pending after the call, releases what its statement and scopes own,
 * and returns in turn, until a function with a `try` around the call
 * rethrows it to that handler (tsos_rethrow). Frames in between free what
 * they own, which a longjmp over them would leak.
 */
static bool tsos_pending;
static inline void tsos_pend(void *e, tsos_str site) {
  tsos_thrown = e;
  tsos_thrown_site = site;
  tsos_pending = true;
}
__attribute__((noreturn)) static inline void tsos_rethrow(void) {
  tsos_pending = false;
  longjmp(tsos_try_top->buf, 1);
}

static inline void tsos_panic_begin(const tsos_loc *loc) {
  fflush(stdout);
  if (loc) fprintf(stderr, "panicked at %s:%d:%d: ", loc->file, loc->line, loc->col);
  else fputs("panicked: ", stderr);
}
__attribute__((noreturn, cold)) static inline void tsos_panic_end(void) {
  fputc('\n', stderr);
  exit(101);
}
__attribute__((noreturn, cold)) static inline void tsos_panic(const tsos_loc *loc, tsos_str msg) {
  tsos_panic_begin(loc);
  fwrite(msg.ptr, 1, msg.len, stderr);
  tsos_panic_end();
}
__attribute__((noreturn, cold)) static inline void tsos_panic_cstr(const tsos_loc *loc, const char *msg) {
  tsos_panic_begin(loc);
  fputs(msg, stderr);
  tsos_panic_end();
}
#include "tsos_alloc.h"
__attribute__((noreturn, cold)) static inline void tsos_panic_index(const tsos_loc *loc, uint64_t len, int64_t index, bool is_unsigned) {
  tsos_panic_begin(loc);
  if (is_unsigned) fprintf(stderr, "index out of bounds: the length is %" PRIu64 " but the index is %" PRIu64, len, (uint64_t)index);
  else fprintf(stderr, "index out of bounds: the length is %" PRIu64 " but the index is %" PRId64, len, index);
  tsos_panic_end();
}

/* The clock for Date (lib/std/date.ts): whole milliseconds since the epoch (CLOCK_REALTIME, POSIX clock_gettime). */
#include <time.h>
static inline double tsos_now_millis(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

/* Math.random: xorshift128+ (as V8 uses), seeded once from the clock and the process id; 53 random bits
 * in [0, 1). Not for cryptography, as in JavaScript. */
#include <unistd.h>
static uint64_t tsos_random_state[2];
__attribute__((unused)) static double tsos_num_random(void) {
  if (!tsos_random_state[0] && !tsos_random_state[1]) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t z = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ ((uint64_t)getpid() << 16);
    for (int i = 0; i < 2; i++) { /* splitmix64 */
      z += 0x9E3779B97F4A7C15ull;
      uint64_t x = z;
      x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
      x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
      tsos_random_state[i] = (x ^ (x >> 31)) | 1;
    }
  }
  uint64_t s1 = tsos_random_state[0];
  const uint64_t s0 = tsos_random_state[1];
  tsos_random_state[0] = s0;
  s1 ^= s1 << 23;
  tsos_random_state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
  return (double)((tsos_random_state[1] + s0) >> 11) * 0x1.0p-53;
}

/* console.group: Node indents every line console prints inside a group (empty ones too) by two
 * spaces per level, on stdout and stderr alike; process.stdout.write is not indented. The
 * indentation is written before the first character of each line console prints. */
static int tsos_group_indent;
static bool tsos_group_midline[2]; /* [0] stdout, [1] stderr: console has begun a line there */
static inline void tsos_group_pad(FILE *f) {
  bool *mid = &tsos_group_midline[f == stderr];
  if (*mid) return;
  for (int i = 0; i < tsos_group_indent; i++) fputc(' ', f);
  *mid = true;
}
static void tsos_print_str_grouped(FILE *f, tsos_str s) {
  size_t start = 0;
  for (size_t i = 0; i < s.len; i++) {
    if (s.ptr[i] != '\n') continue;
    tsos_group_pad(f);
    fwrite(s.ptr + start, 1, i + 1 - start, f);
    tsos_group_midline[f == stderr] = false;
    start = i + 1;
  }
  if (start < s.len) {
    tsos_group_pad(f);
    fwrite(s.ptr + start, 1, s.len - start, f);
  }
}
static inline void tsos_console_group(void) { tsos_group_indent += 2; }
static inline void tsos_console_group_end(void) { if (tsos_group_indent >= 2) tsos_group_indent -= 2; }
/* process.stdout.write: the text as it is, whatever the group. */
static inline void tsos_write_str(FILE *f, tsos_str s) { fwrite(s.ptr, 1, s.len, f); }

static inline void tsos_print_str(FILE *f, tsos_str s) {
  if (tsos_group_indent) tsos_print_str_grouped(f, s);
  else fwrite(s.ptr, 1, s.len, f);
}
static inline void tsos_print_i64(FILE *f, int64_t v) { char b[24]; if (tsos_group_indent) tsos_group_pad(f); fputs(tsos_fmt_i64(b + 24, v), f); }
static inline void tsos_print_u64(FILE *f, uint64_t v) { char b[24]; if (tsos_group_indent) tsos_group_pad(f); fputs(tsos_fmt_u64(b + 24, v), f); }
static inline void tsos_print_bool(FILE *f, bool v) { if (tsos_group_indent) tsos_group_pad(f); fputs(v ? "true" : "false", f); }
static inline void tsos_print_newline(FILE *f) {
  /* Outside a group no line is marked begun (only tsos_group_pad marks one), so there is nothing to reset. */
  if (tsos_group_indent) {
    tsos_group_pad(f);
    tsos_group_midline[f == stderr] = false;
  }
  fputc('\n', f);
  if (f == stderr) fflush(stderr);
}

#include "tsos_num.h"
#include "tsos_str.h"
#include "tsos_typed.h"

static tsos_arr_str *tsos_argv;

static inline void tsos_start(int argc, char **argv, const char *program) {
  tsos_catch_faults();
  /* Large blocks (a long string, an array's elements) come from the heap and
   * freed memory stays with the process up to 64 MiB: a loop that builds and
   * drops a few MiB each round reuses the same pages instead of returning
   * them to the kernel and faulting them in again (glibc's default trims and
   * unmaps as soon as 128 KiB are free). */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#ifdef TSOS_MEM_DEBUG
  tsos_alloc_quiet = true; /* process.argv is the runtime's, not a leak of the program */
#endif
  tsos_argv = tsos_arr_str_new(0, NULL);
  tsos_arr_str_push(tsos_argv, tsos_str_from_arg(argc > 0 ? argv[0] : "tsos"), NULL);
  tsos_arr_str_push(tsos_argv, tsos_str_from_arg(program), NULL);
  for (int i = 1; i < argc; i++) tsos_arr_str_push(tsos_argv, tsos_str_from_arg(argv[i]), NULL);
  /* Never freed: static, like a module-level array, and not one of the program's live objects. */
  tsos_argv->tsos_rc = TSOS_RC_STATIC;
#ifdef TSOS_COUNT_OBJECTS
  tsos_live_objects = tsos_peak_objects = 0;
  tsos_live_strings = tsos_peak_strings = 0; /* process.argv's strings are the runtime's */
#endif
#ifdef TSOS_MEM_DEBUG
  tsos_alloc_quiet = false;
#endif
}
/* `tsos exec --check-leaks`: a program that ends with blocks still allocated exits with this status. */
#define TSOS_LEAK_STATUS 23
static inline int tsos_finish(void) {
  fflush(stdout);
#ifdef TSOS_CHECK_LEAKS
  if (tsos_before_exit) tsos_before_exit();
  if (tsos_leak_report()) return TSOS_LEAK_STATUS;
#endif
  return 0;
}
__attribute__((noreturn)) static inline void tsos_exit(int32_t code) {
  fflush(stdout);
#ifdef TSOS_CHECK_LEAKS
  if (tsos_before_exit) tsos_before_exit();
  if (tsos_leak_report() && code == 0) code = TSOS_LEAK_STATUS;
#endif
  exit(code);
}
#include "tsos_hash.h"
#include "tsos_inspect.h"
#include "tsos_dyn.h"
#include "tsos_gen.h"
#endif
