package cli

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// registryCertBlob is a certificate as Windows keeps it in a registry
// certificate store (the "Blob" value): serialized properties, each a
// property id, an encoding type (1) and a length before its bytes; the
// certificate itself is property 32 (CERT_CERT_PROP_ID).
func registryCertBlob(der []byte) []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 32)
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(der)))
	return append(b, der...)
}

// TestRootCertificateScanUnderWine puts a self-signed certificate with
// Kaspersky's root subject into the computer's Trusted Root Certification
// Authorities with reg.exe, where Windows keeps that store, and checks that
// `scan --json` reports it as a leftover of Kaspersky with its store,
// thumbprint and end date, and not as Kaspersky installed; without it,
// nothing is reported. It changes the registry: TH_WINE=1 only.
func TestRootCertificateScanUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("changes the machine's root store: runs under Wine with TH_WINE=1 (make test-windows)")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	subject := pkix.Name{CommonName: "Kaspersky Anti-Virus Personal Root Certificate", Organization: []string{"AO Kaspersky Lab"}}
	notAfter := time.Now().Add(2 * 365 * 24 * time.Hour).UTC().Truncate(time.Second)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: subject, Issuer: subject,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: notAfter, IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha1.Sum(der)
	thumb := strings.ToUpper(hex.EncodeToString(sum[:]))
	regKey := `HKLM\SOFTWARE\Microsoft\SystemCertificates\ROOT\Certificates\` + thumb

	certFindings := func(got ScanJSON) []detect.Finding {
		var out []detect.Finding
		for _, f := range got.Findings {
			if f.Component == catalog.ComponentRootCertificate {
				out = append(out, f)
			}
		}
		return out
	}
	before, _ := runJSON(t, Env{Service: thisComputer(t)})
	if fs := certFindings(before); len(fs) != 0 {
		t.Fatalf("a Kaspersky root certificate is reported before one was added: %+v", fs)
	}

	t.Cleanup(func() { _ = exec.Command("reg", "delete", regKey, "/f", "/reg:64").Run() })
	winTool(t, "reg", "add", regKey, "/v", "Blob", "/t", "REG_BINARY", "/d", strings.ToUpper(hex.EncodeToString(registryCertBlob(der))), "/f", "/reg:64")

	got, code := runJSON(t, Env{Service: thisComputer(t)})
	fs := certFindings(got)
	if len(fs) != 1 {
		t.Fatalf("%d root certificate findings, want 1: %+v", len(fs), got.Findings)
	}
	f := fs[0]
	if f.ProductID != "kaspersky-root-certificate" || f.State != detect.StateLeftover || f.Name != subject.CommonName {
		t.Errorf("finding %s %s %q", f.ProductID, f.State, f.Name)
	}
	if len(f.Certificates) != 1 {
		t.Fatalf("certificates %+v", f.Certificates)
	}
	c := f.Certificates[0]
	if c.Store != platform.StoreMachineRoot || c.SHA1 != thumb || !c.NotAfter.Equal(notAfter) || c.IssuerCN != subject.CommonName {
		t.Errorf("certificate %+v, want thumbprint %s in the machine's store until %s", c, thumb, notAfter)
	}
	if got.KasperskyFound || !got.LeftoversOnly || code != ExitOK && code != ExitIncomplete {
		t.Errorf("kasperskyFound %v, leftoversOnly %v, exit %d: a certificate alone is a leftover", got.KasperskyFound, got.LeftoversOnly, code)
	}
	for _, p := range got.Probes {
		if p.Name == "root-certificates" && p.Error != "" {
			t.Errorf("root-certificates probe: %s", p.Error)
		}
	}
}
