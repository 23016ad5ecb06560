#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tls13.h"

static void *default_alloc(void *arg, size_t size)
{
    (void)arg;
    return malloc(size);
}

static void default_free(void *arg, void *ptr)
{
    (void)arg;
    free(ptr);
}

static tls13_alloc_fn alloc_hook = default_alloc;
static tls13_free_fn free_hook = default_free;
static void *hook_arg;

void tls13_set_allocator(tls13_alloc_fn alloc, tls13_free_fn free_fn, void *arg)
{
    if (!alloc || !free_fn) {
        alloc_hook = default_alloc;
        free_hook = default_free;
        hook_arg = NULL;
        return;
    }
    alloc_hook = alloc;
    free_hook = free_fn;
    hook_arg = arg;
}

void *tls13_alloc(size_t size)
{
    return alloc_hook(hook_arg, size ? size : 1);
}

void *tls13_calloc(size_t n, size_t size)
{
    void *p;
    if (size && n > SIZE_MAX / size)
        return NULL;
    p = tls13_alloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void tls13_free(void *ptr)
{
    if (ptr)
        free_hook(hook_arg, ptr);
}

void tls13_free_wiped(void *ptr, size_t size)
{
    if (!ptr)
        return;
    tls13_wipe(ptr, size);
    tls13_free(ptr);
}

/* Calling memset through a volatile pointer keeps the compiler from proving
 * the store dead and deleting it. */
static void *(*const volatile wipe_memset)(void *, int, size_t) = memset;

void tls13_wipe(void *ptr, size_t size)
{
    if (ptr && size)
        wipe_memset(ptr, 0, size);
}

TLS13_NOINLINE void tls13_wipe_stack(void)
{
    unsigned char below_caller[TLS13_WIPE_STACK_BYTES];
    tls13_wipe(below_caller, sizeof(below_caller));
}
