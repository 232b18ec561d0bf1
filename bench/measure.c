/* measure.c: runs one command and reports what it cost, for bench/compare.ts.
 *
 * Usage:  measure <program> [args...]
 * Input:  the command; its stdin is /dev/null's or the caller's.
 * Output: the command's stdout and stderr pass through unchanged; then one
 *         line on stderr: "measure: <cpu ms> <wall ms> <max rss KiB>", where
 *         cpu is user + system time of the child (and its children), wall
 *         the elapsed time, and max rss the child's peak resident set
 *         (getrusage's ru_maxrss, as /usr/bin/time -f %M reports it).
 * Exit:   the child's exit status (128 + signal if it was killed).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double ms(struct timeval t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: measure <program> [args...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[1], argv + 1);
    perror("measure: exec");
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("measure: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double wall = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
  fprintf(stderr, "measure: %.1f %.1f %ld\n", ms(ru.ru_utime) + ms(ru.ru_stime), wall, ru.ru_maxrss);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
