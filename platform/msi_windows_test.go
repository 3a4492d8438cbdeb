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
	if err != nil || p.PerMachine || p.Publisher != "" || !p.PerUser {
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

// TestInstalledMSIProductAlsoForThisUser: a per-machine product whose code
// is also registered for this user (here by the HKCU key a standard user
// can write, as Windows Installer keeps per-user products) is reported
// PerUser, so the removal refuses msiexec /x for it.
func TestInstalledMSIProductAlsoForThisUser(t *testing.T) {
	installMSI(t, "kpm-machine.msi", kpmMachineCode)
	const packed = `Software\Microsoft\Installer\Products\55C3A1F6E7B2D1C4E9A0B5D3C2A1F011`
	k, _, err := registry.CreateKey(registry.CURRENT_USER, packed, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	err = k.SetStringValue("ProductName", "Kaspersky Password Manager")
	k.Close()
	t.Cleanup(func() { _ = registry.DeleteKey(registry.CURRENT_USER, packed) })
	if err != nil {
		t.Fatal(err)
	}
	p, err := InstalledMSIProduct(kpmMachineCode)
	if err != nil || !p.PerMachine || !p.PerUser {
		t.Errorf("registered per machine and for this user: %+v, %v", p, err)
	}
}
