package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

var kasperskyRootCert = platform.Certificate{
	Subject: "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab", SubjectCN: "Kaspersky Anti-Virus Personal Root Certificate",
	Issuer: "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab", IssuerCN: "Kaspersky Anti-Virus Personal Root Certificate",
	Store: platform.StoreMachineRoot, SHA1: "3F2A9C41D07B5E88A16F0C2D94B7E1A5C8D03E6B", NotAfter: time.Date(2036, 9, 11, 0, 0, 0, 0, time.UTC),
}

// Step 2 shows a Kaspersky root certificate as a card of its own, with one
// sentence and how to remove it with the system's own tool (and Firefox's
// own list); with no certificate, there is no such card.
func TestStep2RootCertificate(t *testing.T) {
	user := kasperskyRootCert
	user.Store = platform.StoreUserRoot
	mac := platform.Certificate{SubjectCN: "Kaspersky Web Anti-Virus Certification Authority", IssuerCN: "Kaspersky Web Anti-Virus Certification Authority",
		Store: platform.StoreSystemKeychain, SHA1: "8DF952D95193EDAEBD145A3FAD8DB6FBC7E0DE75"}
	withKaspersky := snapKaspersky
	withKaspersky.Certificates = []platform.Certificate{kasperskyRootCert}
	for _, tt := range []struct {
		name     string
		snap     platform.Snapshot
		headline string
		card     string   // where the certificate's card says it is; empty: no card
		meaning  string   // the card's sentence starts so
		how      []string // pieces of the removal steps, in order of the certificates, then Firefox
	}{
		{"none", snapNothing, "No Kaspersky product was found on this computer. Press Next to check that this computer is protected.", "", "", nil},
		{"the computer's store", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{kasperskyRootCert}},
			"Kaspersky's root certificate is still on this computer.",
			"It is among this computer's trusted root certificates, for every user.",
			"Kaspersky added this certificate to check secure (HTTPS) connections; nobody keeps it up to date now",
			[]string{"certlm.msc", "This needs an administrator", "Trusted Root Certification Authorities", `Find "Kaspersky Anti-Virus Personal Root Certificate"`, kasperskyRootCert.SHA1, "Firefox"}},
		{"both Windows stores", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Certificates: []platform.Certificate{user, kasperskyRootCert}},
			"Kaspersky's root certificate is still on this computer.",
			"It is among your user account's trusted root certificates.\nIt is among this computer's trusted root certificates, for every user.",
			"Kaspersky added", []string{"certmgr.msc", "certlm.msc", "Firefox"}},
		{"a Mac", platform.Snapshot{OS: platform.OSInfo{Family: "darwin"}, Certificates: []platform.Certificate{mac}},
			"Kaspersky's root certificate is still on this computer.",
			"It is in the System keychain.",
			"Kaspersky added", []string{"Keychain Access", "System keychain", mac.SHA1, "Firefox"}},
		{"with Kaspersky installed", withKaspersky, "Kaspersky is on this computer.",
			"It is among this computer's trusted root certificates, for every user.",
			"Kaspersky added this certificate to check secure (HTTPS) connections; if it is still here after Kaspersky is removed, remove it too.",
			[]string{"certlm.msc", "Firefox"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, "", region.US, tt.snap)
			h.check()
			if got := h.u.Found.Headline.Text; got != tt.headline {
				t.Errorf("headline %q, want %q", got, tt.headline)
			}
			titles := cardTitles(h.u.Found.Cards)
			i := slices.Index(titles, "Kaspersky root certificate | Still on this computer: best removed")
			if tt.card == "" {
				if i >= 0 || len(h.u.Found.CertificateHow) != 0 {
					t.Fatalf("a certificate card with no certificate: %q", titles)
				}
				return
			}
			if i < 0 {
				t.Fatalf("cards %q: no certificate card", titles)
			}
			text := labelsText(h.u.Found.Cards[i].Content)
			if !strings.Contains(text, tt.meaning) || !strings.Contains(text, tt.card) {
				t.Errorf("card text %q lacks %q or %q", text, tt.meaning, tt.card)
			}
			var how []string
			for _, l := range h.u.Found.CertificateHow {
				how = append(how, l.Text)
			}
			joined := strings.Join(how, "\n")
			at := 0
			for _, w := range tt.how {
				j := strings.Index(joined[at:], w)
				if j < 0 {
					t.Errorf("removal steps lack %q after position %d:\n%s", w, at, joined)
					break
				}
				at += j
			}
		})
	}
}

// Step 4 says a root certificate is still here only when the scan found
// one, instead of telling everyone that one "can stay".
func TestStep4RootCertificateOnlyWhenFound(t *testing.T) {
	with := snapKaspersky
	with.Certificates = []platform.Certificate{kasperskyRootCert}
	for _, tt := range []struct {
		name string
		snap platform.Snapshot
		want bool
	}{
		{"found", with, true},
		{"not found", snapKaspersky, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, "", region.US, tt.snap)
			h.u.OpenStep(progress.StepRemove, h.u.svc.Analyze(&tt.snap), region.US)
			text := labelsText(h.u.win.Content())
			if strings.Contains(text, "can stay in Windows' certificate store") {
				t.Error("step 4 still says a certificate can stay, whatever was found")
			}
			l := h.u.Remove.CertificateLeft
			if !tt.want {
				if l != nil {
					t.Errorf("a certificate line with no certificate found: %q", l.Text)
				}
				return
			}
			if l == nil || !strings.Contains(l.Text, `"Kaspersky Anti-Virus Personal Root Certificate" is still on this computer`) {
				t.Fatalf("certificate line %v", l)
			}
		})
	}
}
