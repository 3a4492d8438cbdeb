package platform

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// Product codes of the packages .ci/wine-fixtures builds from testdata/msi/kpm.wxs.
const (
	kpmMachineCode = "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}"
	kpmUserCode    = "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F21}"
)

// installMSI installs a fixture package with Windows Installer (Wine's
// msiexec) and removes it when the test ends.
func installMSI(t *testing.T, name, code string) {
	t.Helper()
	fixtures := os.Getenv("TH_WINE_FIXTURES")
	if fixtures == "" || os.Getenv("TH_WINE") != "1" {
		t.Skip("installs a package: runs under Wine with TH_WINE=1 and TH_WINE_FIXTURES (make test-windows)")
	}
	pkg := filepath.Join(fixtures, name)
	if _, err := os.Stat(pkg); err != nil {
		t.Skipf("no %s: rebuild the Wine fixtures", name)
	}
	if out, err := exec.Command(SystemMsiexec(), "/i", pkg, "/qn").CombinedOutput(); err != nil {
		t.Fatalf("msiexec /i %s: %v %s", name, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command(SystemMsiexec(), "/x", code, "/qn").CombinedOutput(); err != nil {
			t.Errorf("msiexec /x %s: %v %s", code, err, out)
		}
	})
}

func TestInstalledMSIProductPerMachine(t *testing.T) {
	installMSI(t, "kpm-machine.msi", kpmMachineCode)
	p, err := InstalledMSIProduct(kpmMachineCode)
	want := MSIProduct{ProductCode: kpmMachineCode, PerMachine: true, Publisher: "AO Kaspersky Lab",
		Name: "Kaspersky Password Manager", Version: "9.0.2.1186"}
	p.InstallLocation = "" // wixl records none
	if err != nil || p != want {
		t.Errorf("got %+v, %v\nwant %+v", p, err, want)
	}
}

func TestInstalledMSIProductPerUserIsNotPerMachine(t *testing.T) {
	installMSI(t, "kpm-user.msi", kpmUserCode)
	// Windows Installer keeps a per-user product under HKCU, by its packed code.
	k, err := registry.OpenKey(registry.CURRENT_USER, `Software\Microsoft\Installer\Products\55C3A1F6E7B2D1C4E9A0B5D3C2A1F012`, registry.QUERY_VALUE)
	if err != nil {
		t.Fatalf("the per-user package is not installed for this user: %v", err)
	}
	k.Close()
	p, err := InstalledMSIProduct(kpmUserCode)
	if err != nil || p.PerMachine || p.Publisher != "" {
		t.Errorf("a per-user install: %+v, %v", p, err)
	}
}

func TestInstalledMSIProductUnknown(t *testing.T) {
	p, err := InstalledMSIProduct("{00000000-1111-2222-3333-444444444444}")
	if err != nil || p.PerMachine {
		t.Errorf("an unknown code: %+v, %v", p, err)
	}
	for _, bad := range []string{"", "MsiExec.exe /x{…}", "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11"} {
		if _, err := InstalledMSIProduct(bad); err == nil {
			t.Errorf("%q accepted as a product code", bad)
		}
	}
}

func TestSystemFolders(t *testing.T) {
	if m := SystemMsiexec(); !filepath.IsAbs(m) || filepath.Base(m) != "msiexec.exe" {
		t.Errorf("SystemMsiexec() = %q", m)
	}
	if _, err := os.Stat(SystemMsiexec()); err != nil {
		t.Error(err)
	}
	if d := WindowsDir(); !filepath.IsAbs(d) {
		t.Errorf("WindowsDir() = %q", d)
	}
}
