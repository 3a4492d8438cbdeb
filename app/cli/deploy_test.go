package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/report"
	"transitionhelper/platform"
)

var snapKaspersky = platform.Snapshot{
	OS:        platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Arch: "amd64"},
	Processes: []platform.Process{{PID: 10, Name: "avp.exe"}, {PID: 11, Name: "MsMpEng.exe"}},
	Programs:  []platform.Program{{Name: "Kaspersky Total Security", Version: "21.3", Source: platform.SourceUninstall, Where: "k1"}},
}

// TestScanOutputSummary: `scan --json --output FILE --summary-output LINE`
// writes the JSON to FILE (no temporary file left beside it), prints exactly
// one line, writes it to LINE too, and exits with the scan's code; the IT
// detection scripts rely on it.
func TestScanOutputSummary(t *testing.T) {
	for _, tc := range []struct {
		name string
		snap platform.Snapshot
		code int
		line string
	}{
		{"kaspersky", snapKaspersky, ExitFound, "KASPERSKY FOUND: Kaspersky Total Security 21.3 (running); exit 1; result in "},
		{"clean", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}}, ExitOK, "OK: no Kaspersky to remove; exit 0; result in "},
		{"incomplete", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Probes: []platform.ProbeResult{{Name: "programs", Error: "denied"}}},
			ExitIncomplete, "INCOMPLETE: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testtmp.Dir(t)
			file := filepath.Join(dir, "result.json")
			if err := os.WriteFile(file, []byte("an older result"), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			summary := filepath.Join(dir, "last-summary.txt")
			code := Run(context.Background(), []string{"scan", "--json", "--output", file, "--summary-output", summary},
				Env{Stdout: &out, Stderr: &errb, AppName: "transition-helper", Version: "1.2.3", Service: testService(t, fixedScan(tc.snap), nil)})
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errb.String())
			}
			if lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], tc.line) {
				t.Fatalf("stdout %q: want one line starting %q", out.String(), tc.line)
			}
			// --summary-output: the same line in the file (detect.ps1 keeps it
			// there without writing anything itself).
			if kept, err := os.ReadFile(summary); err != nil || string(kept) != out.String() {
				t.Errorf("last-summary.txt %q (%v), want %q", kept, err, out.String())
			}
			var got ScanJSON
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &got); err != nil || got.Schema != ScanSchema || got.ExitCode != tc.code {
				t.Fatalf("the file: %v, %+v", err, got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Fatalf("the folder holds %d files, want only the result and the summary", len(entries))
			}
		})
	}
}

func TestScanOutputErrors(t *testing.T) {
	svc := testService(t, fixedScan(snapKaspersky), nil)
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, AppName: "transition-helper", Service: svc}
	if code := Run(context.Background(), []string{"scan", "--summary"}, env); code != ExitUsage {
		t.Fatalf("--summary without --output: exit %d", code)
	}
	out.Reset()
	missing := filepath.Join(testtmp.Dir(t), "no-such-folder", "r.json")
	if code := Run(context.Background(), []string{"scan", "--json", "--output", missing, "--summary"}, env); code != ExitFailure {
		t.Fatalf("an unwritable output: exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "FAILED: ") || strings.Count(out.String(), "\n") != 1 {
		t.Fatalf("stdout %q", out.String())
	}
}

func TestOpenReportCommand(t *testing.T) {
	good, err := os.ReadFile("../report/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := testtmp.Dir(t)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := bytes.Repeat([]byte(" "), report.MaxJSONSize+1)
	for _, tc := range []struct {
		name, file string
		code       int
		out, err   string
	}{
		{"good", write("good.json", good), ExitOK, "KTH-80G7-3HCT", ""},
		{"truncated", write("cut.json", good[:300]), ExitUsage, "", "cut short"},
		{"oversized", write("huge.json", huge), ExitUsage, "", "larger than 5 MiB"},
		{"scan json", write("scan.json", []byte(`{"schema":"transitionhelper.scan/1"}`)), ExitUsage, "", "not a Kaspersky Transition Helper report"},
		{"missing", filepath.Join(dir, "none.json"), ExitUsage, "", "could not be read"},
		{"a folder", dir, ExitUsage, "", "could not be read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(context.Background(), []string{"open-report", tc.file}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &errb, AppName: "transition-helper"})
			if code != tc.code || !strings.Contains(out.String(), tc.out) || !strings.Contains(errb.String(), tc.err) {
				t.Fatalf("exit %d (want %d)\nstdout %q\nstderr %q (want %q)", code, tc.code, out.String(), errb.String(), tc.err)
			}
		})
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"open-report"}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &errb}); code != ExitUsage {
		t.Fatalf("no file: exit %d", code)
	}
}

// TestOpenReportHugeName: a caller's report whose product name and evidence
// fill the 5 MiB a report may have, full of escape sequences and bidi
// overrides, opens at once, each name cut to report.MaxNameRunes and
// cleaned.
func TestOpenReportHugeName(t *testing.T) {
	good, err := os.ReadFile("../report/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	unit := `Kaspersky\u202e\u001b[2J ` // JSON escapes: a bidi override, an escape sequence
	huge := strings.Repeat(unit, (report.MaxJSONSize-len(good)-1024)/len(unit))
	data := bytes.Replace(good, []byte(`"name": "Kaspersky Total Security"`), []byte(`"name": "`+huge+`"`), 1)
	if len(data) == len(good) || len(data) > report.MaxJSONSize {
		t.Fatalf("the report is %d bytes", len(data))
	}
	file := filepath.Join(testtmp.Dir(t), "huge-name.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	start := time.Now()
	code := Run(context.Background(), []string{"open-report", file}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &errb, AppName: "transition-helper"})
	took := time.Since(start)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if took > 2*time.Second {
		t.Errorf("opening took %v", took)
	}
	if out.Len() > 64<<10 {
		t.Errorf("%d bytes printed for one product", out.Len())
	}
	if strings.ContainsAny(out.String(), "\u202e\x1b") {
		t.Error("a control or bidi character was printed")
	}
	cut := false
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, "Kaspersky[2J Kaspersky[2J") {
			cut = true
			if name := strings.TrimLeft(line, " -.0123456789"); utf8.RuneCountInString(name) > report.MaxNameRunes+40 || !strings.Contains(name, report.Ellipsis) {
				t.Errorf("the name is not cut: %d runes", utf8.RuneCountInString(name))
			}
		}
	}
	if !cut {
		t.Errorf("the product is not shown:\n%.2000s", out.String())
	}
}
