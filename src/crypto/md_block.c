#include "md_block.h"

#include <string.h>

#include "../base/bytes.h"

void tls13_md_update(const tls13_md_buffer *md, const uint8_t *p, size_t len)
{
    size_t *have = md->buf_len;
    if (*have) {
        size_t take = md->block - *have;
        if (take > len)
            take = len;
        memcpy(md->buf + *have, p, take);
        *have += take;
        p += take;
        len -= take;
        if (*have < md->block)
            return;
        md->blocks(md->state, md->buf, 1);
        *have = 0;
    }
    if (len >= md->block) {
        size_t n = len / md->block;
        md->blocks(md->state, p, n);
        p += n * md->block;
        len -= n * md->block;
    }
    if (len) {
        memcpy(md->buf, p, len);
        *have = len;
    }
}

void tls13_md_finish(const tls13_md_buffer *md, uint64_t total_bytes, size_t len_bytes)
{
    size_t n = *md->buf_len, room = md->block - len_bytes;
    md->buf[n++] = 0x80;
    if (n > room) {
        memset(md->buf + n, 0, md->block - n);
        md->blocks(md->state, md->buf, 1);
        n = 0;
    }
    /* Lengths beyond 2^64 bits never occur here: the upper bytes are zero. */
    memset(md->buf + n, 0, md->block - 8 - n);
    tls13_store_be64(md->buf + md->block - 8, total_bytes * 8);
    md->blocks(md->state, md->buf, 1);
    *md->buf_len = 0;
}
