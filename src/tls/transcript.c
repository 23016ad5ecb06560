#include "transcript.h"

#include "../base/mem.h"

void tls13_transcript_init(tls13_transcript *t)
{
    tls13_hash_init(&t->sha256, TLS13_HASH_SHA256);
    tls13_hash_init(&t->sha384, TLS13_HASH_SHA384);
    t->selected = 0;
    t->alg = TLS13_HASH_SHA256;
}

void tls13_transcript_add(tls13_transcript *t, const uint8_t *msg, size_t len)
{
    if (!t->selected || t->alg == TLS13_HASH_SHA256)
        tls13_hash_update(&t->sha256, msg, len);
    if (!t->selected || t->alg == TLS13_HASH_SHA384)
        tls13_hash_update(&t->sha384, msg, len);
}

void tls13_transcript_select(tls13_transcript *t, tls13_hash_alg alg)
{
    t->selected = 1;
    t->alg = alg;
}

static tls13_hash_ctx *current(tls13_transcript *t)
{
    return t->alg == TLS13_HASH_SHA384 ? &t->sha384 : &t->sha256;
}

void tls13_transcript_hrr_rewrite(tls13_transcript *t)
{
    uint8_t header[4] = {254, 0, 0, 0};
    uint8_t digest[TLS13_HASH_MAX_SIZE];
    tls13_hash_ctx *ctx = current(t);
    size_t hlen = tls13_hash_size(t->alg);
    tls13_hash_final(ctx, digest);
    header[3] = (uint8_t)hlen;
    tls13_hash_init(ctx, t->alg);
    tls13_hash_update(ctx, header, 4);
    tls13_hash_update(ctx, digest, hlen);
    tls13_wipe(digest, sizeof(digest));
}

size_t tls13_transcript_hash(const tls13_transcript *t, uint8_t *out)
{
    const tls13_hash_ctx *ctx = t->alg == TLS13_HASH_SHA384 ? &t->sha384 : &t->sha256;
    tls13_hash_peek(ctx, out);
    return tls13_hash_size(t->alg);
}
