package cli

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// StateText is the plain word for a finding's state.
func (e *Env) StateText(state string) string { return report.StateText(state, e.t) }

// WriteText prints the scan in short plain sentences; details adds the
// evidence under each finding.
func (e *Env) WriteText(w io.Writer, r *service.Result, details bool) {
	snap := r.Snapshot
	osName := snap.OS.Name
	if osName == "" {
		osName = snap.OS.Family
	}
	if snap.OS.Version != "" {
		osName += " " + snap.OS.Version
	}
	fmt.Fprintf(w, "%s %s\n", e.AppName, e.Version)
	st := progress.New(e.Service.GuessRegion()).WithScan(r.Record())
	fmt.Fprintf(w, "%s: %s\n", e.t("report.code", "Status code", nil), report.Code(st, e.Version, runtime.GOOS))
	fmt.Fprintln(w, e.t("scan.checked", "Checked this computer ({{.OS}}, {{.Arch}}) in {{.Seconds}} s.",
		map[string]any{"OS": osName, "Arch": snap.OS.Arch, "Seconds": fmt.Sprintf("%.2f", snap.Took.Seconds())}))
	fmt.Fprintln(w)

	var remove, replacement, protection []detect.Finding
	for _, f := range r.Findings {
		switch f.Role {
		case catalog.RoleRemove:
			remove = append(remove, f)
		case catalog.RoleReplacement:
			replacement = append(replacement, f)
		default:
			protection = append(protection, f)
		}
	}
	s := r.Summary
	switch {
	case s.KasperskyActive:
		fmt.Fprintln(w, e.t("scan.kaspersky-found", "Kaspersky is on this computer. Since September 29, 2024 it gets no updates in the U.S., so there it misses new threats.", nil))
	case s.KasperskyLeftovers:
		fmt.Fprintln(w, e.t("scan.kaspersky-leftovers", "Kaspersky was removed, but some of its files stayed behind.", nil))
	default:
		fmt.Fprintln(w, e.t("scan.kaspersky-none", "No Kaspersky product was found.", nil))
	}
	e.writeFindings(w, remove, details)
	if len(replacement) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.t("scan.ultraav-found", "UltraAV or UltraVPN is on this computer. In September 2024 Kaspersky moved its U.S. customers to them; on many Windows computers an automatic update installed them.", nil))
		e.writeFindings(w, replacement, details)
	}
	fmt.Fprintln(w)
	if len(protection) == 0 {
		fmt.Fprintln(w, e.t("scan.protection-none", "No other security software was found.", nil))
	} else {
		fmt.Fprintln(w, e.t("scan.protection-found", "Other security software:", nil))
		e.writeFindings(w, protection, details)
	}
	if s.PasswordProtected {
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.t("scan.password-protected", "Kaspersky is protected by a password. Its uninstaller will ask for that password.", nil))
	}
	if !r.Complete() {
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.t("scan.incomplete", "Some checks could not finish, so this result may be incomplete:", nil))
		for _, p := range snap.Probes {
			if !p.OK() {
				fmt.Fprintf(w, "  - %s: %s\n", p.Name, report.LongText(p.Error))
			}
		}
		if n := snap.DeniedProcesses(); n > 0 {
			fmt.Fprintln(w, "  - "+e.t("scan.denied-processes", "{{.Count}} running programs could not be read", map[string]any{"Count": n}))
		}
	}
}

func (e *Env) writeFindings(w io.Writer, fs []detect.Finding, details bool) {
	for _, f := range fs {
		fmt.Fprintf(w, "  - %s: %s\n", report.Name(f.NameVersion()), report.FindingStateText(f, e.t))
		if details {
			for _, ev := range f.Evidence {
				fmt.Fprintf(w, "      %s\n", report.LongText(strings.TrimSpace(ev.String())))
			}
		}
	}
}
