package detect

import (
	"strings"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

var (
	kasperskyRoot = platform.Certificate{
		Subject: "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab", SubjectCN: "Kaspersky Anti-Virus Personal Root Certificate",
		Issuer: "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab", IssuerCN: "Kaspersky Anti-Virus Personal Root Certificate",
		Store: platform.StoreMachineRoot, SHA1: "3F2A9C41D07B5E88A16F0C2D94B7E1A5C8D03E6B", NotAfter: time.Date(2036, 9, 11, 0, 0, 0, 0, time.UTC),
	}
	otherRoot = platform.Certificate{Subject: "CN=ISRG Root X1,O=Internet Security Research Group,C=US", SubjectCN: "ISRG Root X1",
		IssuerCN: "ISRG Root X1", Store: platform.StoreMachineRoot, SHA1: "CABD2A79A1076A31F21D253635CB039D4329A5E8"}
)

// A Kaspersky root certificate is a finding of its own, a leftover of
// Kaspersky with the certificate and its store as evidence; alone, it
// never counts as Kaspersky installed.
func TestRootCertificateAloneIsALeftover(t *testing.T) {
	cat := mustCatalog(t)
	snap := &platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{otherRoot, kasperskyRoot}}
	fs := Match(cat, snap)
	if got := brief(fs); got != "kaspersky-root-certificate:leftover" {
		t.Fatalf("findings %q", got)
	}
	f := fs[0]
	if f.Role != catalog.RoleRemove || f.Component != catalog.ComponentRootCertificate || f.Name != "Kaspersky Anti-Virus Personal Root Certificate" {
		t.Errorf("finding %+v", f)
	}
	if len(f.Certificates) != 1 || f.Certificates[0].SHA1 != kasperskyRoot.SHA1 || f.Certificates[0].Store != platform.StoreMachineRoot {
		t.Errorf("certificates %+v", f.Certificates)
	}
	e := f.Evidence[0]
	if e.Kind != catalog.KindRootCertificate || e.Confidence != catalog.Reported || e.Source != "gcm-646" ||
		!strings.Contains(e.Where, "certlm.msc") || !strings.Contains(e.Where, kasperskyRoot.SHA1) || !strings.Contains(e.Where, "valid until 2036-09-11") {
		t.Errorf("evidence %+v", e)
	}
	s := Summarize(fs)
	if s.KasperskyActive || !s.KasperskyLeftovers {
		t.Errorf("summary %+v: a certificate alone is a leftover, not Kaspersky installed", s)
	}
}

func TestRootCertificateMatching(t *testing.T) {
	cat := mustCatalog(t)
	user := kasperskyRoot
	user.Store = platform.StoreUserRoot
	issued := platform.Certificate{SubjectCN: "Kaspersky Anti-Virus Personal Root Certificate Helper", IssuerCN: "kaspersky anti-virus personal root certificate",
		Store: platform.StoreUserRoot, SHA1: "00112233445566778899AABBCCDDEEFF00112233"}
	mac := platform.Certificate{SubjectCN: "Kaspersky Web Anti-Virus Certification Authority", IssuerCN: "Kaspersky Web Anti-Virus Certification Authority",
		Store: platform.StoreSystemKeychain, SHA1: "8DF952D95193EDAEBD145A3FAD8DB6FBC7E0DE75"}
	lookalike := platform.Certificate{SubjectCN: "Not Kaspersky Anti-Virus Personal Root Certificate", IssuerCN: "Someone", Store: platform.StoreMachineRoot, SHA1: "AA"}
	installed := []platform.Program{{Name: "Kaspersky Internet Security", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\KIS`}}
	tests := []struct {
		name     string
		snap     platform.Snapshot
		want     string
		certs    int
		active   bool
		evidence string // a piece of the first certificate evidence's where
	}{
		{"no certificate of Kaspersky", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{otherRoot, lookalike}}, "", 0, false, ""},
		{"in both the machine's and the user's store: one finding, both places",
			platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{kasperskyRoot, user}}, "kaspersky-root-certificate:leftover", 2, false, "certlm.msc"},
		{"issued by Kaspersky's root, matched by its issuer",
			platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{issued}}, "kaspersky-root-certificate:leftover", 1, false, "issued by"},
		{"with Kaspersky installed: the product and the certificate apart",
			platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Programs: installed, Certificates: []platform.Certificate{kasperskyRoot}},
			"kaspersky-internet-security:installed kaspersky-root-certificate:leftover", 1, true, "certlm.msc"},
		{"a Mac's System keychain", platform.Snapshot{OS: platform.OSInfo{Family: "darwin"}, Certificates: []platform.Certificate{mac}}, "kaspersky-root-certificate:leftover", 1, false, "System keychain"},
		{"a Windows signature does not match on Linux", platform.Snapshot{OS: platform.OSInfo{Family: "linux"}, Certificates: []platform.Certificate{kasperskyRoot}}, "", 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Match(cat, &tt.snap)
			if got := brief(fs); got != tt.want {
				t.Fatalf("findings %q, want %q", got, tt.want)
			}
			if s := Summarize(fs); s.KasperskyActive != tt.active {
				t.Errorf("KasperskyActive %v, want %v", s.KasperskyActive, tt.active)
			}
			for _, f := range fs {
				if f.Component != catalog.ComponentRootCertificate {
					if len(f.Certificates) != 0 {
						t.Errorf("%s carries certificates", f.ProductID)
					}
					continue
				}
				if len(f.Certificates) != tt.certs || len(f.Evidence) != tt.certs {
					t.Errorf("%d certificates, %d evidence; want %d", len(f.Certificates), len(f.Evidence), tt.certs)
				}
				if !strings.Contains(f.Evidence[0].Where, tt.evidence) {
					t.Errorf("evidence %q lacks %q", f.Evidence[0].Where, tt.evidence)
				}
			}
		})
	}
}
