/* Runs a libFuzzer target over the files named on the command line (its seed
 * inputs, and the crashes fuzzing found once they are fixed), so that every
 * build, the ASan one included, compiles the targets and replays them as a
 * CTest test. Fails when a file cannot be read or none was given; a target
 * fails by crashing or aborting. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int ran = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        uint8_t *data = NULL;
        long size;
        if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
            !(data = malloc((size_t)size + 1)) || fread(data, 1, (size_t)size, f) != (size_t)size) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            if (f)
                fclose(f);
            free(data);
            return 1;
        }
        fclose(f);
        LLVMFuzzerTestOneInput(data, (size_t)size);
        free(data);
        ran++;
    }
    printf("replay: %d inputs\n", ran);
    return ran > 0 ? 0 : 1;
}
