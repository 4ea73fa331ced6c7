/*
 * pan's own clock, read finer: included ahead of pan.c (gcc -include) by bench/spinCompare.ts.
 * pan times its search between start_timer() and stop_timer() with times() and divides by
 * sysconf(_SC_CLK_TCK): the kernel's 100 Hz tick, so a search under 0.01 s reads as 0 and one of
 * 11.4 ms as 0.01 or 0.02. The same two calls here answer CLOCK_MONOTONIC in microseconds and a
 * tick of one microsecond: pan's interval, unchanged, on a clock 10,000 times finer. Every other
 * sysconf() query is passed through. (Written for intcheck; no code of Spin's is copied.)
 */
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static clock_t intcheck_times(struct tms *ignored) {
  struct timespec now;
  (void)ignored;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (clock_t)(now.tv_sec * 1000000L + now.tv_nsec / 1000L);
}

static long intcheck_sysconf(int name) {
  return name == _SC_CLK_TCK ? 1000000L : sysconf(name);
}

#define times intcheck_times
#define sysconf intcheck_sysconf
