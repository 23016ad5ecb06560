// A Go crypto/tls peer for tests/interop/tls_go.sh (standard library only).
//
//	tlspeer client -addr 127.0.0.1:P -ca ca.pem -name localhost [-cert c.pem -key c.key] [-curves x25519,p256] [-alpn h2]
//	tlspeer server -addr 127.0.0.1:0 -cert s.pem -key s.key [-ca ca.pem -require] [-curves ...] [-alpn ...]
//
// The client sends "ping\n" and prints the server's first line; the server
// prints "listening on PORT", answers one connection with "hello from go\n".
// Both print "negotiated <version> <suite> alpn <proto>".
package main

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

func curves(list string) []tls.CurveID {
	var out []tls.CurveID
	for _, name := range strings.Split(list, ",") {
		switch name {
		case "x25519":
			out = append(out, tls.X25519)
		case "p256", "secp256r1":
			out = append(out, tls.CurveP256)
		case "p384", "secp384r1":
			out = append(out, tls.CurveP384)
		case "":
		default:
			fmt.Fprintln(os.Stderr, "unknown curve", name)
			os.Exit(2)
		}
	}
	return out
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: tlspeer client|server [flags]")
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "address")
	ca := fs.String("ca", "", "trusted CA file")
	name := fs.String("name", "localhost", "server name")
	cert := fs.String("cert", "", "certificate chain")
	key := fs.String("key", "", "private key")
	curveList := fs.String("curves", "", "curves, e.g. x25519,p256")
	alpn := fs.String("alpn", "", "ALPN protocols")
	require := fs.Bool("require", false, "server: require a client certificate")
	fs.Parse(os.Args[2:])

	cfg := &tls.Config{MinVersion: tls.VersionTLS13, CurvePreferences: curves(*curveList), ServerName: *name}
	if *alpn != "" {
		cfg.NextProtos = strings.Split(*alpn, ",")
	}
	if *ca != "" {
		pem, err := os.ReadFile(*ca)
		if err != nil {
			fail("%v", err)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		cfg.RootCAs = pool
		cfg.ClientCAs = pool
	}
	if *cert != "" {
		pair, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			fail("%v", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	if *require {
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}

	report := func(c *tls.Conn) {
		st := c.ConnectionState()
		fmt.Printf("negotiated %x %s alpn %q peer-certs %d\n", st.Version, tls.CipherSuiteName(st.CipherSuite),
			st.NegotiatedProtocol, len(st.PeerCertificates))
	}
	switch os.Args[1] {
	case "client":
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 10 * time.Second}, "tcp", *addr, cfg)
		if err != nil {
			fail("handshake: %v", err)
		}
		report(conn)
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(conn, "ping\n")
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			fail("read: %v", err)
		}
		fmt.Printf("received: %s", line)
		conn.Close()
	case "server":
		ln, err := tls.Listen("tcp", *addr, cfg)
		if err != nil {
			fail("listen: %v", err)
		}
		fmt.Printf("listening on %d\n", ln.Addr().(*net.TCPAddr).Port)
		conn, err := ln.Accept()
		if err != nil {
			fail("accept: %v", err)
		}
		tc := conn.(*tls.Conn)
		tc.SetDeadline(time.Now().Add(10 * time.Second))
		if err := tc.Handshake(); err != nil {
			fail("handshake: %v", err)
		}
		report(tc)
		line, err := bufio.NewReader(tc).ReadString('\n')
		if err != nil {
			fail("read: %v", err)
		}
		fmt.Printf("received: %s", line)
		fmt.Fprintf(tc, "hello from go\n")
		tc.Close()
	default:
		fail("usage: tlspeer client|server [flags]")
	}
}
