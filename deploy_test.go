package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/cli"
	"transitionhelper/app/service/servicetest"
)

// The test binary doubles as the app (TH_TEST_AS_APP=1: run's command line)
// and as a stand-in Kaspersky process (TH_TEST_SLEEP=1, copied as kesl).
func TestMain(m *testing.M) {
	switch {
	case os.Getenv("TH_TEST_SLEEP") == "1":
		time.Sleep(2 * time.Minute)
		os.Exit(0)
	case os.Getenv("TH_TEST_AS_APP") == "1":
		if log := os.Getenv("TH_TEST_TELL_LOG"); log != "" {
			tell = recordingTeller(log) // nowindow_test.go
		}
		skipGraphicsCheck = os.Getenv("TH_TEST_SKIP_GRAPHICS_CHECK") == "1"
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// detectSh runs packaging/linux/detect.sh with env and returns its output
// and exit code.
func detectSh(t *testing.T, env ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("/bin/sh", "packaging/linux/detect.sh")
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return string(out), code
}

func oneLine(t *testing.T, out, prefix string) {
	t.Helper()
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") || !strings.HasPrefix(out, prefix) {
		t.Errorf("stdout %q: want one line starting %q", out, prefix)
	}
}

// TestDetectShContract: the script passes the app's exit code through,
// prints its one line, keeps the result in the folder it chose, and
// says what is wrong in one line when the app or the folder is missing.
func TestDetectShContract(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a POSIX shell script")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "fake-app")
	// The fake app records its arguments and answers with FAKE_CODE.
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_ARGS\"\necho \"SUMMARY $FAKE_CODE\"\nexit \"$FAKE_CODE\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(dir, "results", "nested")
	host, _ := os.Hostname()
	for _, code := range []int{cli.ExitOK, cli.ExitFound, cli.ExitIncomplete, cli.ExitFailure} {
		args := filepath.Join(dir, "args")
		out, got := detectSh(t, "TH_BIN="+fake, "TH_RESULTS="+results, "FAKE_ARGS="+args, "FAKE_CODE="+string(rune('0'+code)))
		if got != code {
			t.Errorf("the app exited %d, the script %d", code, got)
		}
		oneLine(t, out, "SUMMARY ")
		recorded, err := os.ReadFile(args)
		if err != nil {
			t.Fatal(err)
		}
		if want := "scan\n--json\n--output\n" + filepath.Join(results, host) + ".json\n--summary\n"; string(recorded) != want {
			t.Errorf("the app was given %q, want %q", recorded, want)
		}
	}
	out, code := detectSh(t, "TH_BIN="+filepath.Join(dir, "missing"), "TH_RESULTS="+results)
	if code != cli.ExitFailure {
		t.Errorf("no app: exit %d", code)
	}
	oneLine(t, out, "FAILED: ")
	blocker := filepath.Join(dir, "a-file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = detectSh(t, "TH_BIN="+fake, "TH_RESULTS="+filepath.Join(blocker, "sub"), "FAKE_ARGS=/dev/null", "FAKE_CODE=0")
	if code != cli.ExitFailure {
		t.Errorf("no folder: exit %d", code)
	}
	oneLine(t, out, "FAILED: ")
}

// TestDetectShWithTheApp runs the script around the real command line on
// this computer: clean (0, or 3 where a container hides processes), then
// with a process named kesl running (1), the JSON result written each time.
func TestDetectShWithTheApp(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Linux twin")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	results := filepath.Join(dir, "results")
	host, _ := os.Hostname()
	env := []string{"TH_BIN=" + self, "TH_RESULTS=" + results, "TH_TEST_AS_APP=1", "DISPLAY=", "WAYLAND_DISPLAY=", "HOME=" + dir, "XDG_CONFIG_HOME=" + dir}
	out, code := detectSh(t, env...)
	switch code {
	case cli.ExitOK:
		oneLine(t, out, "OK: ")
	case cli.ExitIncomplete:
		oneLine(t, out, "INCOMPLETE: ")
	default:
		t.Fatalf("a clean computer: exit %d, %q", code, out)
	}
	if data, err := os.ReadFile(filepath.Join(results, host+".json")); err != nil || !bytes.Contains(data, []byte(`"schema": "transitionhelper.scan/1"`)) {
		t.Fatalf("the result: %v %.80s", err, data)
	}

	kesl := filepath.Join(dir, "kesl")
	servicetest.CopyFile(t, self, kesl)
	cmd := exec.Command(kesl)
	cmd.Env = append(os.Environ(), "TH_TEST_SLEEP=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	out, code = detectSh(t, env...)
	if code != cli.ExitFound {
		t.Fatalf("with kesl running: exit %d, %q", code, out)
	}
	oneLine(t, out, "KASPERSKY FOUND: ")
	if !strings.Contains(out, filepath.Join(results, host+".json")) {
		t.Errorf("the line does not say where the result is: %q", out)
	}
}

// TestDetectPs1Contract: PowerShell is not available here, so the Windows
// script is held to its contract by reading it: it looks for the exe where
// the MSI installs it (product.wxs) and nowhere else, runs the same
// command as the Linux twin (whose behaviour the tests above and the Wine
// check of .ci/check-packages run), prints the app's one line and exits
// with the app's code.
func TestDetectPs1Contract(t *testing.T) {
	ps1, err := os.ReadFile("packaging/windows/detect.ps1")
	if err != nil {
		t.Fatal(err)
	}
	wxs, err := os.ReadFile("packaging/windows/product.wxs")
	if err != nil {
		t.Fatal(err)
	}
	dirName := regexp.MustCompile(`<Directory Id="INSTALLDIR" Name="([^"]+)"`).FindSubmatch(wxs)
	fileName := regexp.MustCompile(`<File Id="AppExe" Name="([^"]+)"`).FindSubmatch(wxs)
	if dirName == nil || fileName == nil {
		t.Fatal("product.wxs names no INSTALLDIR or AppExe")
	}
	s := string(ps1)
	for _, want := range []string{
		`$programFiles = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }`,
		`Join-Path $programFiles '` + string(dirName[1]) + `\` + string(fileName[1]) + `'`,
		`Join-Path $programFiles '` + string(dirName[1]) + `\results'`,
		`@('scan', '--json', '--output', "` + "`" + `"$out` + "`" + `"", '--summary-output', "` + "`" + `"$log` + "`" + `"")`,
		`-Wait -PassThru -NoNewWindow`,
		`if ($null -eq $p -or $null -eq $p.ExitCode) {`,
		"Get-Content -LiteralPath $log -Tail 1\nexit $p.ExitCode\n",
		"$ErrorActionPreference = 'Stop' # every failure ends in exit 4",
		`Write-Output 'FAILED: KasperskyTransitionHelper.exe was not found where the MSI installs it; install the MSI; exit 4'; exit 4`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("detect.ps1 lacks %q", want)
		}
	}
	if strings.Contains(s, "$PSScriptRoot") {
		t.Error("detect.ps1 runs an exe found beside itself as SYSTEM (its folder, or one above it, may be a user's to replace)")
	}
	if strings.Contains(s, "-RedirectStandardOutput") || strings.Contains(s, "Out-File") || strings.Contains(s, "Set-Content") {
		t.Error("detect.ps1 writes a file by path itself, as SYSTEM (the app writes the result and the summary, checking as it writes)")
	}
	if regexp.MustCompile(`(?i)Invoke-Expression|iex |cmd(\.exe)? /c|Invoke-WebRequest|Net\.WebClient`).MatchString(s) {
		t.Error("detect.ps1 runs a shell or reaches the network")
	}
	sh, err := os.ReadFile("packaging/linux/detect.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sh), `scan --json --output "$dir/$host.json" --summary`) {
		t.Error("detect.sh and detect.ps1 no longer run the same command")
	}
}
