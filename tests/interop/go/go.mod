module libtls13/interop

go 1.19
