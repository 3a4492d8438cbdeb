package cli

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
)

// helperEnv makes the test binary a stand-in process: copied under another
// name (avp.exe, kesl) it just sleeps, so scans see a real running process.
const helperEnv = "TH_HELPER_SLEEP"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		time.Sleep(2 * time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startRenamed starts a copy of this test binary named name and returns its pid.
func startRenamed(t *testing.T, dir, name string) int {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, name)
	servicetest.CopyFile(t, self, dst)
	cmd := exec.Command(dst)
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd.Process.Pid
}

// runJSON runs `scan --json` with env and decodes the result.
func runJSON(t *testing.T, env Env) (ScanJSON, int) {
	t.Helper()
	var stdout, stderr bytesBuffer
	env.Stdout, env.Stderr = &stdout, &stderr
	if env.AppName == "" {
		env.AppName, env.Version = "transition-helper", "test"
	}
	code := Run(context.Background(), []string{"scan", "--json"}, env)
	var got ScanJSON
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("scan --json printed no JSON (exit %d): %v\nstdout: %s\nstderr: %s", code, err, stdout.String(), stderr.String())
	}
	return got, code
}

// thisComputer is the service on the computer the test runs on, for real:
// the command line's Env needs one, as main gives it.
func thisComputer(t testing.TB) *service.Service {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return service.New(cat, service.ThisComputer())
}
