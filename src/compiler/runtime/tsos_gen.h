/*
 * tsos_gen.h: generators as stackful coroutines (hosted target only).
 *
 * Input:  included by tsos_host.h after its exception handlers (tsos_try);
 *         called by the code lower/generators.ts generates: a generator
 *         object holds a tsos_coro (tsos_gen_new), `next()` resumes it
 *         (tsos_gen_resume), `yield` suspends it (tsos_gen_yield), an early
 *         exit from `for...of` and `return()` close it (tsos_gen_close).
 * Output: the body of a generator function runs on its own stack, lazily:
 *         nothing runs before the first resume, and each resume runs it to
 *         its next `yield` (or its end), exactly as JavaScript interleaves a
 *         generator with its consumer.
 * Invariants:
 *   - One switch routine (x86-64 SysV): it saves the callee-saved registers
 *     on the current stack, stores the stack pointer, loads the other one
 *     and pops that side's registers. Nothing else is hand-written.
 *   - Each coroutine has its own chain of exception handlers; the bottom
 *     one (tsos_coro_boot) catches whatever the body throws, ends the
 *     generator and lets tsos_gen_resume report it (status 2), so the
 *     consumer rethrows it on its own stack. No longjmp crosses stacks.
 *   - A stack is mmap'd (a guard page below it) when the generator first
 *     runs and goes back to a small free list when it finishes or is closed;
 *     the generator object itself is allocated by tsos_alloc like any other.
 */
#ifndef TSOS_GEN_H
#define TSOS_GEN_H
#include <sys/mman.h>

#if defined(__x86_64__)

enum { TSOS_GEN_FRESH, TSOS_GEN_SUSPENDED, TSOS_GEN_RUNNING, TSOS_GEN_DONE };
#define TSOS_GEN_STACK_SIZE ((size_t)1024 * 1024)
#define TSOS_GEN_GUARD ((size_t)4096)

/* A function value's head (emit-closures.ts): the object header (a closure is counted), then
 * the code, which takes the closure object first. */
typedef struct tsos_gen_code {
  const void *tsos_cls;
  uint64_t tsos_rc;
  void (*code)(const void *self, void *gen);
} tsos_gen_code;

typedef struct tsos_coro {
  void *sp;                    /* the generator's stack pointer while it is suspended */
  void *back;                  /* the resumer's stack pointer while the generator runs */
  char *stack;                 /* the mapping (guard page first); NULL before the first run and after the end */
  tsos_try *handlers;          /* the generator's own handler chain while it is suspended */
  const tsos_gen_code *entry;  /* the body: entry->code(entry, obj) */
  void *obj;                   /* the generator object the body reads its arguments from */
  int state;
  bool threw;
  bool closing;                /* return() asked a suspended generator to leave through its finally blocks */
  bool quiet;                  /* its body has no finally block: closing it runs no code of the program's own */
} tsos_coro;
/* A dropped generator is being closed quietly (tsos_gen_free): only generators whose bodies have no finally
 * block are resumed to leave; the others are abandoned where they are suspended. */
static bool tsos_gen_quiet_close;

static tsos_coro *tsos_coro_running __attribute__((unused));

/* tsos_coro_switch(save, to): *save = this side's stack pointer; continue on `to`. */
__asm__(
    ".text\n"
    ".p2align 4\n"
    "tsos_coro_switch:\n"
    "  pushq %rbp\n"
    "  pushq %rbx\n"
    "  pushq %r12\n"
    "  pushq %r13\n"
    "  pushq %r14\n"
    "  pushq %r15\n"
    "  movq %rsp, (%rdi)\n"
    "  movq %rsi, %rsp\n"
    "  popq %r15\n"
    "  popq %r14\n"
    "  popq %r13\n"
    "  popq %r12\n"
    "  popq %rbx\n"
    "  popq %rbp\n"
    "  ret\n");
extern void tsos_coro_switch(void **save, void *to) __asm__("tsos_coro_switch");

static char *tsos_gen_spare[8] __attribute__((unused));
static int tsos_gen_spares __attribute__((unused));

static inline char *tsos_gen_stack_get(void) {
  if (tsos_gen_spares) return tsos_gen_spare[--tsos_gen_spares];
  char *m = mmap(NULL, TSOS_GEN_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) {
    fflush(stdout);
    fputs("out of memory (generator stack)\n", stderr);
    exit(134);
  }
  mprotect(m, TSOS_GEN_GUARD, PROT_NONE);
  return m;
}

static inline void tsos_gen_stack_put(char *m) {
  if (tsos_gen_spares < (int)(sizeof tsos_gen_spare / sizeof tsos_gen_spare[0])) tsos_gen_spare[tsos_gen_spares++] = m;
  else munmap(m, TSOS_GEN_STACK_SIZE);
}

/* Runs on the generator's stack: the body under the bottom handler, then back to the resumer for good. */
static inline void tsos_coro_boot(void) {
  tsos_try bottom;
  bottom.prev = NULL;
  tsos_try_top = &bottom;
  if (setjmp(bottom.buf) == 0) tsos_coro_running->entry->code(tsos_coro_running->entry, tsos_coro_running->obj);
  else tsos_coro_running->threw = true;
  tsos_coro_running->state = TSOS_GEN_DONE;
  tsos_try_top = NULL;
  tsos_coro_switch(&tsos_coro_running->sp, tsos_coro_running->back);
  __builtin_unreachable();
}

/* A generator that has not started: `entry` runs with `obj` at the first resume. */
static inline void *tsos_gen_new(const void *entry, void *obj, bool quiet) {
  tsos_coro *co = tsos_alloc_as(sizeof(tsos_coro), NULL, "generator");
  co->entry = entry;
  co->obj = obj;
  co->quiet = quiet;
  co->state = TSOS_GEN_FRESH;
  return co;
}

/* Resume: 1 when the body yielded, 0 when it has finished, 2 when it threw (tsos_thrown holds the value). */
static inline int tsos_gen_resume(void *p) {
  tsos_coro *co = p;
  if (co->state == TSOS_GEN_DONE) return 0;
  if (co->state == TSOS_GEN_RUNNING) {
    fflush(stdout);
    fputs("TypeError: Generator is already running\n", stderr);
    exit(1);
  }
  if (co->state == TSOS_GEN_FRESH) {
    co->stack = tsos_gen_stack_get();
    void **sp = (void **)(co->stack + TSOS_GEN_STACK_SIZE);
    *--sp = NULL;                    /* where tsos_coro_boot's return address would be: it never returns */
    *--sp = (void *)tsos_coro_boot;  /* popped by the switch's `ret` */
    for (int i = 0; i < 6; i++) *--sp = NULL;
    co->sp = sp;
    co->handlers = NULL;
  }
  tsos_try *outer = tsos_try_top;
  tsos_coro *resumer = tsos_coro_running;
  tsos_try_top = co->handlers;
  tsos_coro_running = co;
  co->state = TSOS_GEN_RUNNING;
  tsos_coro_switch(&co->back, co->sp);
  co->handlers = tsos_try_top;
  tsos_try_top = outer;
  tsos_coro_running = resumer;
  if (co->state != TSOS_GEN_DONE) return 1;
  tsos_gen_stack_put(co->stack);
  co->stack = NULL;
  return co->threw ? 2 : 0;
}

/* `yield`: back to the resumer; returns when the generator is resumed. */
static inline void tsos_gen_yield(void *p) {
  tsos_coro *co = p;
  co->state = TSOS_GEN_SUSPENDED;
  tsos_coro_switch(&co->sp, co->back);
}

/*
 * The generator object is freed (compiler/rc.ts: its release_fields): its
 * coroutine goes too. JavaScript runs nothing of a generator it drops. A
 * suspended body without finally blocks is resumed to leave as `return;`
 * would, which runs no code of the program (its locals are released, the
 * generators it holds are closed as quietly); one with finally blocks is
 * abandoned where it is: its stack goes back and what its locals held stays
 * counted (a leak, never a use after free). A running one cannot be freed:
 * its resumer holds the object during next().
 */
static inline int tsos_gen_close(void *p);
static inline void tsos_gen_free(void *p) {
  tsos_coro *co = p;
  if (!co) return;
  if (co->state == TSOS_GEN_SUSPENDED && co->quiet) {
    /* No finally block can run: it leaves as `return;` would, releasing what its locals hold and closing
     * (quietly) the generators its loops hold. Nothing of it is observable. */
    bool outer = tsos_gen_quiet_close;
    tsos_gen_quiet_close = true;
    (void)tsos_gen_close(co);
    tsos_gen_quiet_close = outer;
  }
  if (co->stack) tsos_gen_stack_put(co->stack);
  tsos_free(co, sizeof(tsos_coro), NULL);
}

/* Whether the suspended body was resumed by return(): the code after each `yield` then leaves as `return;` would. */
static inline bool tsos_gen_closing(void *p) { return ((tsos_coro *)p)->closing; }
/* Whether the generator has finished (or was closed): its return value was reported, or never was. */
static inline bool tsos_gen_finished(void *p) { return ((tsos_coro *)p)->state == TSOS_GEN_DONE; }

/*
 * `return()`: a generator that never started is simply done; a suspended one
 * is resumed with `closing` set, so it runs its finally blocks (and closes
 * the generators its own loops hold) and ends. The status is tsos_gen_resume's:
 * 1 if a finally block yielded again, 2 if one threw.
 */
static inline int tsos_gen_close(void *p) {
  tsos_coro *co = p;
  if (co->state == TSOS_GEN_RUNNING || co->state == TSOS_GEN_DONE) return 0;
  /* Closed while a dropped generator leaves quietly: one with finally blocks is abandoned (JavaScript runs none). */
  if (tsos_gen_quiet_close && co->state == TSOS_GEN_SUSPENDED && !co->quiet) return 0;
  if (co->state == TSOS_GEN_FRESH) {
    co->state = TSOS_GEN_DONE;
    return 0;
  }
  co->closing = true;
  return tsos_gen_resume(co);
}
#endif /* __x86_64__ */
#endif
