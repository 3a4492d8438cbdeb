package cli

import (
	"context"
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

// TestOneVerdictForProtected builds the cases where the doors used to
// disagree and asks each of them: scan --json's activeProtection, step 6
// and 7's standing, the status code and what the support panel decodes
// from it must say the same thing.
func TestOneVerdictForProtected(t *testing.T) {
	sc := func(name string, state uint32) platform.SecurityCenter {
		return platform.SecurityCenter{DisplayName: name, ProductState: state, State: platform.DecodeProductState(state)}
	}
	win10 := platform.OSInfo{Family: catalog.OSWindows, Name: "Windows 10 Home", Version: "10.0.19045"}
	tests := []struct {
		name      string
		snap      platform.Snapshot
		active    []string // scan --json's activeProtection
		protected bool     // the standing of steps 6 and 7 (in the U.S.)
		decoded   string   // a sentence the decoder must say
	}{
		{
			// Defender's engine runs but Windows Security says it is off:
			// Security Center is the first authority.
			name: "MsMpEng.exe running, Security Center says Defender is off",
			snap: platform.Snapshot{OS: win10,
				Processes:      []platform.Process{{PID: 4100, Name: "MsMpEng.exe"}},
				SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 393472)}},
			active: []string{}, protected: false, decoded: "No security software is switched on.",
		},
		{
			name: "Defender on in Security Center",
			snap: platform.Snapshot{OS: win10,
				Processes:      []platform.Process{{PID: 4100, Name: "MsMpEng.exe"}},
				SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 397568)}},
			active: []string{"Microsoft Defender"}, protected: true, decoded: "Security software is switched on.",
		},
		{
			// Kaspersky runs and is on; Defender is off while it does.
			name: "only Kaspersky runs",
			snap: platform.Snapshot{OS: win10,
				Processes:      []platform.Process{{PID: 4100, Name: "MsMpEng.exe"}, {PID: 2200, Name: "avp.exe"}},
				SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 393472), sc("Kaspersky Total Security", 397312)}},
			active: []string{}, protected: false, decoded: "Only Kaspersky is running, and in the U.S. it gets no updates: nothing else protects the computer.",
		},
	}
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pc := &servicetest.Computer{ScanFn: func(context.Context, platform.Options) *platform.Snapshot { s := tt.snap; return &s }}
			svc := service.New(cat, pc)
			got, _ := runJSON(t, Env{Service: svc})
			if !slices.Equal(got.Protection, tt.active) {
				t.Errorf("scan --json activeProtection %q, want %q", got.Protection, tt.active)
			}
			res, err := svc.Scan(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			st := progress.New(region.US).WithScan(res.Record())
			if p := wizard.StandingOf(st).Protected; p != tt.protected {
				t.Errorf("step 6 standing: protected %v, want %v", p, tt.protected)
			}
			status, err := report.Decode(report.Code(st, "1.0.0", "windows"))
			if err != nil {
				t.Fatal(err)
			}
			facts, _ := report.Explain(status, report.English, res.At)
			if !slices.Contains(facts, tt.decoded) {
				t.Errorf("decoded %q, want the sentence %q", strings.Join(facts, " | "), tt.decoded)
			}
		})
	}
}
