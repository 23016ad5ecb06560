#!/bin/bash
# Certificates for the TLS engine's tests, made with the openssl CLI into the
# directory $1: two CAs (ca, other-ca) and leaves signed by ca:
#   server-ec256 / server-ec384 / server-rsa / server-ed25519:
#       SAN DNS:localhost, DNS:<kind>.example, IP:127.0.0.1 (serverAuth)
#       (valid for 365 days: tests check expiry by setting the verification time)
#   client: ECDSA P-256, clientAuth;  client-other: signed by other-ca
# Each NAME has NAME.pem (leaf + CA), NAME-leaf.pem and NAME.key (PKCS#8).
set -euo pipefail
out=${1:?usage: tls_make_certs.bash OUTDIR}
mkdir -p "$out"
cd "$out"
# Test programs running in parallel share one directory: one generates, the
# others wait. A set older than 30 days is made again (leaves last 365 days).
exec 9> .lock
flock 9
if [ -f done ] && [ -z "$(find done -mtime +30)" ]; then exit 0; fi
rm -f done

cat > min.cnf <<'CNF'
[req]
distinguished_name = dn
[dn]
CNF

key() { # key NAME KIND
    case $2 in
    ec256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" ;;
    ec384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1.key" ;;
    rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$1.key" ;;
    esac 2>/dev/null
}

ca() { # ca NAME CN
    key "$1" ec256
    openssl req -x509 -new -config min.cnf -key "$1.key" -subj "/CN=$2" -days 3650 -sha256 \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" -out "$1.pem" 2>/dev/null
}

leaf() { # leaf NAME KIND CA CN EKU SAN [openssl x509 args...]
    local name=$1 kind=$2 ca=$3 cn=$4 eku=$5 san=$6
    shift 6
    key "$name" "$kind"
    openssl req -new -config min.cnf -key "$name.key" -subj "/CN=$cn" -out "$name.csr" 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
        "$eku" "$san" > "$name.ext"
    openssl x509 -req -in "$name.csr" -CA "$ca.pem" -CAkey "$ca.key" -CAcreateserial -sha256 \
        -extfile "$name.ext" -out "$name-leaf.pem" "$@" 2>/dev/null
    cat "$name-leaf.pem" "$ca.pem" > "$name.pem"
}

ca ca "libtls13 test CA"
ca other-ca "libtls13 other CA"
for kind in ec256 ec384 rsa ed25519; do
    leaf "server-$kind" $kind ca "$kind.example" serverAuth "DNS:localhost,DNS:$kind.example,IP:127.0.0.1" -days 365
done
leaf client ec256 ca "test client" clientAuth "DNS:client.example" -days 365
leaf client-other ec256 other-ca "other client" clientAuth "DNS:client.example" -days 365
touch done
