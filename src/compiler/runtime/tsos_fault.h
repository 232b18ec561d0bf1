/*
 * tsos_fault.h: a clear report instead of a bare SIGSEGV (hosted target).
 *
 * Input:  tsos_start calls tsos_catch_faults() first thing in main.
 * Output: on a fault, stdout is flushed and stderr gets one line, then the
 *         process exits: recursion deeper than the stack (the fault address
 *         lies within the main stack's rlimit, or just below it) reports
 *         JavaScript's `Uncaught RangeError: Maximum call stack size
 *         exceeded` and exits 1, as Node does; any other fault is a tsos bug
 *         and says so (exit 134).
 * Invariants: the handler runs on its own stack (sigaltstack), since the
 *             faulting one is exhausted; it only flushes, writes and exits.
 *             The bounds are computed once at start, so the handler makes
 *             no system calls but write and _exit.
 */
#ifndef TSOS_FAULT_H
#define TSOS_FAULT_H
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static uintptr_t tsos_stack_high, tsos_stack_low;

static void tsos_fault_write(const char *s) {
  ssize_t r = write(2, s, strlen(s));
  (void)r;
}

static void tsos_fault_handler(int sig, siginfo_t *info, void *context) {
  (void)sig;
  (void)context;
  uintptr_t at = (uintptr_t)info->si_addr;
  fflush(stdout);
  if (at >= tsos_stack_low && at < tsos_stack_high) {
    tsos_fault_write("Uncaught RangeError: Maximum call stack size exceeded\n    (the recursion is deeper than the stack)\n");
    _exit(1);
  }
  tsos_fault_write("tsos internal error: segmentation fault in generated code; please report it with the program\n");
  _exit(134);
}

static inline void tsos_catch_faults(void) {
  static char alt[64 * 1024] __attribute__((aligned(16)));
  char here;
  struct rlimit rl;
  uintptr_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = (uintptr_t)rl.rlim_cur;
  /* main's frame is near the top; allow for the environment above it and a guard below the limit. */
  tsos_stack_high = (uintptr_t)&here + (1u << 20);
  tsos_stack_low = (uintptr_t)&here > size + (1u << 20) ? (uintptr_t)&here - size - (1u << 20) : 0;
  stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0};
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = tsos_fault_handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, NULL);
}
#endif
