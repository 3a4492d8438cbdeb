package cli

import (
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/service"
	"transitionhelper/platform"
)

// ScanSchema names the JSON format of `scan --json`; docs/scan-json.md
// describes it. Fields are only ever added under the same name.
const ScanSchema = "transitionhelper.scan/1"

// ScanJSON is the stable JSON form of a scan.
type ScanJSON struct {
	Schema    string          `json:"schema"`
	App       AppJSON         `json:"app"`
	ScannedAt time.Time       `json:"scannedAt"`
	OS        platform.OSInfo `json:"os"`
	// OSSupport is set when the system itself gets no more security
	// updates from its maker (Windows 10 since 2025-10-14).
	OSSupport       *detect.OSSupport `json:"osSupport,omitempty"`
	Complete        bool              `json:"complete"`
	KasperskyFound  bool              `json:"kasperskyFound"`
	LeftoversOnly   bool              `json:"kasperskyLeftoversOnly"`
	UltraAVFound    bool              `json:"ultraavFound"`
	Protection      []string          `json:"activeProtection"`
	FactsChecked    string            `json:"factsChecked"`
	ExitCode        int               `json:"exitCode"`
	Findings        []detect.Finding  `json:"findings"`
	Probes          []ProbeJSON       `json:"probes"`
	Processes       int               `json:"processesSeen"`
	DeniedProcesses int               `json:"processesUnreadable"`
	TookMS          float64           `json:"tookMs"`
}

// AppJSON names the app that made the scan.
type AppJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ProbeJSON is one probe's outcome.
type ProbeJSON struct {
	Name        string  `json:"name"`
	Items       int     `json:"items"`
	TookMS      float64 `json:"tookMs"`
	Error       string  `json:"error,omitempty"`
	Unavailable bool    `json:"unavailable,omitempty"`
	TimedOut    bool    `json:"timedOut,omitempty"`
}

// scanJSON converts the result to its stable JSON form.
func scanJSON(r *service.Result, app, version string) ScanJSON {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	out := ScanJSON{
		Schema:          ScanSchema,
		App:             AppJSON{Name: app, Version: version},
		ScannedAt:       r.At.UTC().Truncate(time.Second),
		OS:              r.Snapshot.OS,
		OSSupport:       r.OSSupport,
		Complete:        r.Complete(),
		KasperskyFound:  r.Summary.KasperskyActive,
		LeftoversOnly:   r.Summary.KasperskyLeftovers,
		UltraAVFound:    r.Summary.UltraAV,
		Protection:      r.Summary.Protection,
		FactsChecked:    r.FactsChecked,
		ExitCode:        scanCode(r),
		Findings:        r.Findings,
		Processes:       len(r.Snapshot.Processes),
		DeniedProcesses: r.Snapshot.DeniedProcesses(),
		TookMS:          ms(r.Snapshot.Took),
	}
	if out.Findings == nil {
		out.Findings = []detect.Finding{}
	}
	if out.Protection == nil {
		out.Protection = []string{}
	}
	out.Probes = []ProbeJSON{}
	for _, p := range r.Snapshot.Probes {
		out.Probes = append(out.Probes, ProbeJSON{Name: p.Name, Items: p.Items, TookMS: ms(p.Took), Error: p.Error, Unavailable: p.Unavailable, TimedOut: p.TimedOut})
	}
	return out
}
