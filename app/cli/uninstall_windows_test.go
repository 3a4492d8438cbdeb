package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/app/service/servicetest"
)

// TestUninstallUnderWine registers a fake Kaspersky whose uninstaller (a
// small program that deletes its own Uninstall entry) is signed, unsigned,
// signed by someone else or changed after signing, and checks that
// `uninstall` starts it or refuses as the trust rules say, that its exit
// code drives the outcome, and that the re-scan shows it removed. The
// fixtures come from .ci/wine-fixtures (make test-windows).
func TestUninstallUnderWine(t *testing.T) {
	fixtures := os.Getenv("TH_WINE_FIXTURES")
	if os.Getenv("TH_WINE") != "1" || fixtures == "" {
		t.Skip("changes the registry: runs under Wine with TH_WINE=1 and TH_WINE_FIXTURES (make test-windows)")
	}
	const keyPath = `SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\THFakeKIS`
	dir := filepath.Join(os.Getenv("ProgramFiles"), "Kaspersky Lab", "Fake KIS")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(dir, "uninstall.exe")
	t.Cleanup(func() {
		_ = exec.Command("reg", "delete", `HKLM\`+keyPath, "/f", "/reg:64").Run()
		_ = os.Remove(prog)
	})
	tests := []struct {
		fixture, exit, answer string
		code                  int
		want                  []string
		removed               bool
	}{
		{"signed.exe", "0", "yes", ExitOK, []string{"Would start: \"" + prog + "\" -key", "signed by AO Kaspersky Lab", "The uninstaller finished.", "Kaspersky Internet Security: Removed"}, true},
		{"signed.exe", "3010", "y", ExitOK, []string{"Restart the computer to complete the removal."}, true},
		{"signed.exe", "1602", "yes", ExitFound, []string{"The uninstaller was cancelled.", "Kaspersky Internet Security: To remove"}, false},
		{"signed.exe", "1603", "yes", ExitFound, []string{"stopped with code 1603"}, false},
		{"signed.exe", "0", "no", ExitFound, []string{"Skipped.", "Kaspersky Internet Security: To remove"}, false},
		{"unsigned.exe", "0", "yes", ExitFound, []string{"Will not start an uninstaller:", "is not signed"}, false},
		{"wrong-publisher.exe", "0", "yes", ExitFound, []string{`is signed by "Evil Corp", not by AO Kaspersky Lab`}, false},
		{"tampered.exe", "0", "yes", ExitFound, []string{"does not verify: the file was changed after it was signed"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.exit+"/"+tt.answer, func(t *testing.T) {
			servicetest.CopyFile(t, filepath.Join(fixtures, tt.fixture), prog)
			winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "DisplayName", "/d", "Kaspersky Internet Security", "/f", "/reg:64")
			winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "UninstallString", "/d",
				`"`+prog+`" -key `+keyPath+` -exit `+tt.exit, "/f", "/reg:64")
			var out bytes.Buffer
			code := Run(t.Context(), []string{"uninstall"}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &out, AppName: "th", Version: "test",
				Stdin: strings.NewReader(tt.answer + "\n")})
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			stillThere := exec.Command("reg", "query", `HKLM\`+keyPath, "/reg:64").Run() == nil
			if stillThere == tt.removed {
				t.Errorf("Uninstall entry still there: %v, want removed %v\n%s", stillThere, tt.removed, out.String())
			}
		})
	}
	// --dry-run prints the plan and starts nothing.
	servicetest.CopyFile(t, filepath.Join(fixtures, "signed.exe"), prog)
	winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "DisplayName", "/d", "Kaspersky Internet Security", "/f", "/reg:64")
	winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "UninstallString", "/d", `"`+prog+`" -key `+keyPath, "/f", "/reg:64")
	var out bytes.Buffer
	if code := Run(t.Context(), []string{"uninstall", "--dry-run"}, Env{Service: thisComputer(t), Stdout: &out, Stderr: &out, AppName: "th"}); code != ExitOK {
		t.Errorf("dry run: exit %d\n%s", code, out.String())
	}
	if exec.Command("reg", "query", `HKLM\`+keyPath, "/reg:64").Run() != nil || !strings.Contains(out.String(), "signed by AO Kaspersky Lab") {
		t.Errorf("the dry run started the uninstaller, or did not say why it trusts it:\n%s", out.String())
	}
}
