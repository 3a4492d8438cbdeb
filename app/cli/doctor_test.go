package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/platform"
)

// TestDoctorExitCodes: 0 when every check passes, 1 with a warning, 3 with
// a failure, 2 for a wrong flag; --json writes the schema's document.
func TestDoctorExitCodes(t *testing.T) {
	linux := func(tools ...string) *doctortest.Computer {
		c := doctortest.Linux()
		c.ToolPathFn = doctortest.Tools(tools...)
		return c
	}
	failing := linux("dpkg", "pkexec")
	failing.GraphicsFn = func() (platform.Graphics, error) {
		return platform.Graphics{API: "GLX", Checked: true}, platform.ErrNoGraphics
	}
	for _, tc := range []struct {
		name     string
		args     []string
		computer *doctortest.Computer
		code     int
		out      string
	}{
		{"all pass", []string{"doctor"}, linux("dpkg", "pkexec"), DoctorPass, "0 with a warning, 0 failed"},
		{"a warning", []string{"doctor"}, linux("dpkg"), DoctorWarn, "[WARN] pkexec"},
		{"a failure", []string{"doctor", "--json"}, failing, DoctorFail, `"result": "fail"`},
		{"wrong flag", []string{"doctor", "--yaml"}, linux(), ExitUsage, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := Env{Service: thisComputer(t), Stdout: &stdout, Stderr: &stderr, AppName: "transition-helper", Version: "1.2.3", Doctor: tc.computer,
				Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }}
			if code := Run(context.Background(), tc.args, env); code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, stdout.String())
			}
		})
	}
}

// TestDoctorOnThisComputer runs the real checks here (Linux, or Windows
// under Wine): a JSON document of the schema, every check with a verdict,
// and the exit code that matches them; --output writes it to a file.
func TestDoctorOnThisComputer(t *testing.T) {
	out := filepath.Join(testtmp.Dir(t), "doctor.json")
	var stdout, stderr bytes.Buffer
	env := Env{Service: thisComputer(t), Stdout: &stdout, Stderr: &stderr, AppName: "transition-helper", Version: "1.2.3"}
	code := Run(context.Background(), []string{"doctor", "--json", "--output", out}, env)
	var doc doctor.JSONDoc
	if err := json.Unmarshal(readFile(t, out), &doc); err != nil {
		t.Fatalf("exit %d: %v\nstderr: %s", code, err, stderr.String())
	}
	if doc.Schema != doctor.Schema || len(doc.Checks) < 5 {
		t.Fatalf("%+v", doc)
	}
	want := map[doctor.Status]int{doctor.Pass: DoctorPass, doctor.Warn: DoctorWarn, doctor.Fail: DoctorFail}[doc.Result]
	if code != want {
		t.Errorf("exit %d for result %s", code, doc.Result)
	}
	for _, c := range doc.Checks {
		t.Logf("%-5s %-28s %s", c.Status, c.ID, c.Seen)
		if c.ID == "" || c.Seen == "" || c.Means == "" {
			t.Errorf("incomplete check %+v", c)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHelpNamesEveryCheck: --help lists doctor's checks by their ids, the
// list's (doctor.Checks), in its order, and no other.
func TestHelpNamesEveryCheck(t *testing.T) {
	var out bytes.Buffer
	if code := Run(context.Background(), []string{"--help"}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &out}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	_, section, ok := strings.Cut(out.String(), "The checks of doctor")
	if !ok {
		t.Fatalf("--help has no checks of doctor:\n%s", out.String())
	}
	section, _, _ = strings.Cut(section, "\n\n")
	var got []string
	for _, line := range strings.Split(section, "\n")[1:] {
		if strings.HasPrefix(line, "  ") {
			for _, id := range strings.Split(line, ",") {
				if id = strings.TrimSpace(id); id != "" {
					got = append(got, id)
				}
			}
		}
	}
	var want []string
	for _, k := range doctor.Checks {
		want = append(want, k.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("--help names the checks\n%v\nthe list (doctor.Checks) has\n%v", got, want)
	}
}

// TestHelpReadsInOrder: --help says what the program is, then the
// commands, their flags, doctor's checks, and last the exit codes; every
// command is in the list of commands and has no exit codes before it.
func TestHelpReadsInOrder(t *testing.T) {
	var out bytes.Buffer
	Run(context.Background(), []string{"--help"}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &out})
	help := out.String()
	last := -1
	for _, heading := range []string{"Kaspersky Transition Helper", "Usage:", "\nCommands:\n", "\nFlags:\n", "\nThe checks of doctor", "\nExit codes:\n"} {
		i := strings.Index(help, heading)
		if i < 0 {
			t.Fatalf("--help has no %q:\n%s", heading, help)
		}
		if i <= last {
			t.Errorf("%q comes before the part that should be before it:\n%s", heading, help)
		}
		last = i
	}
	commands, _, _ := strings.Cut(help[strings.Index(help, "\nCommands:\n"):], "\n\n")
	for _, c := range []string{"scan", "decode", "report", "open-report", "uninstall", "doctor", "facts", "passwords", "--version", "--help"} {
		if !strings.Contains(commands, "\n  "+c+" ") {
			t.Errorf("the commands do not list %s:\n%s", c, commands)
		}
	}
	exits := help[strings.Index(help, "\nExit codes:\n"):]
	for _, c := range []string{"scan", "uninstall", "doctor", "facts"} {
		if !strings.Contains(exits, "\n  "+c) {
			t.Errorf("the exit codes say nothing of %s:\n%s", c, exits)
		}
	}
}
