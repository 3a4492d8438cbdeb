package report

import (
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

// A Kaspersky root certificate is reported with where it is and its
// thumbprint, as a leftover (the code's leftovers flag), and its state does
// not say files stayed behind.
func TestReportRootCertificate(t *testing.T) {
	cert := detect.Finding{ProductID: "kaspersky-root-certificate", Name: "Kaspersky Anti-Virus Personal Root Certificate", Vendor: "Kaspersky",
		Role: catalog.RoleRemove, Component: catalog.ComponentRootCertificate, State: detect.StateLeftover,
		Certificates: []platform.Certificate{{SubjectCN: "Kaspersky Anti-Virus Personal Root Certificate", Store: platform.StoreMachineRoot, SHA1: "3F2A9C41D07B5E88A16F0C2D94B7E1A5C8D03E6B"}},
		Evidence: []detect.Evidence{{Kind: catalog.KindRootCertificate, Matched: "Kaspersky Anti-Virus Personal Root Certificate",
			Where: detect.StoreName(platform.StoreMachineRoot) + ", SHA-1 3F2A9C41D07B5E88A16F0C2D94B7E1A5C8D03E6B", Source: "gcm-646", Confidence: catalog.Reported, State: detect.StateLeftover}}}
	in := input(false)
	in.State = progress.New(region.US).WithScan(progress.ScanRecord{At: at, Complete: true, OS: platform.OSInfo{Family: "windows"}, Findings: []detect.Finding{cert}})
	text := Text(in)
	for _, w := range []string{"Kaspersky Anti-Virus Personal Root Certificate: Still on this computer: best removed",
		"certlm.msc", "3F2A9C41D07B5E88A16F0C2D94B7E1A5C8D03E6B", "Kaspersky was removed"} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "some files stayed behind\n") && strings.Contains(text, "Certificate: Removed") {
		t.Errorf("the certificate's state says files stayed behind:\n%s", text)
	}
	if st := StatusOf(in.State, "0.1.0", "windows"); st.Has(FlagKasperskyInstalled) || !st.Has(FlagLeftovers) {
		t.Errorf("status flags %b: a certificate is a leftover, not Kaspersky installed", st.Flags)
	}
}
