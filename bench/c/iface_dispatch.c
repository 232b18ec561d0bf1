/* iface_dispatch: calls through a table of function pointers, 3 "classes" behind one
 * interface, 60 million calls chosen by a pseudo-random stream. */
#include <stdint.h>
#include <stdio.h>

struct step_vt {
  uint32_t (*apply)(void *self, uint32_t x);
};
struct step {
  void *obj;
  const struct step_vt *vt;
};

struct add_step { uint32_t k; };
struct xor_shift { uint32_t s; };
struct mul_step { uint32_t m; };

static uint32_t add_apply(void *self, uint32_t x) { return x + ((struct add_step *)self)->k; }
static uint32_t xor_apply(void *self, uint32_t x) { return x ^ (x >> (((struct xor_shift *)self)->s & 31)); }
static uint32_t mul_apply(void *self, uint32_t x) { return x * ((struct mul_step *)self)->m; }

static const struct step_vt add_vt = {add_apply};
static const struct step_vt xor_vt = {xor_apply};
static const struct step_vt mul_vt = {mul_apply};

static uint32_t run(const struct step *steps, uint32_t n) {
  uint32_t x = 1, r = 12345;
  for (uint32_t i = 0; i < n; i++) {
    r = r * 1664525u + 1013904223u;
    const struct step *s = &steps[r >> 30];
    x = s->vt->apply(s->obj, x);
  }
  return x;
}

int main(void) {
  static struct add_step a = {7}, d = {11};
  static struct xor_shift b = {13};
  static struct mul_step c = {2654435761u};
  const struct step steps[4] = {{&a, &add_vt}, {&b, &xor_vt}, {&c, &mul_vt}, {&d, &add_vt}};
  printf("iface_dispatch %u\n", run(steps, 60000000u));
  return 0;
}
