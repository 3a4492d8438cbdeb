package act

import (
	"strings"
	"testing"
)

// TestMatchCommandLine: the child must run the program with the planned
// arguments, to the letter; the same program with other arguments (a class
// override keeping msiexec but changing its command) is refused.
func TestMatchCommandLine(t *testing.T) {
	const msiexec = `C:\Windows\System32\msiexec.exe`
	same := func(p string) bool {
		return strings.EqualFold(p, msiexec) || strings.EqualFold(p, `C:\WINDOWS\SYSTEM32\MSIEXE~1.EXE`)
	}
	plan := []string{"/x", "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}"}
	for _, tt := range []struct {
		cmdline string
		ok      bool
	}{
		{`"C:\Windows\System32\msiexec.exe" /x {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}`, true},
		{`C:\Windows\System32\msiexec.exe /x "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}"`, true},
		{`C:\WINDOWS\SYSTEM32\MSIEXE~1.EXE  /x   {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}`, true},
		// The override of the issue: the verified image, another command.
		{`C:\Windows\System32\msiexec.exe /y C:\Users\ann\AppData\Local\x.dll`, false},
		{`"C:\Windows\System32\msiexec.exe" /x {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11} /y x.dll`, false},
		{`"C:\Windows\System32\msiexec.exe" /x`, false},
		{`"C:\Windows\System32\msiexec.exe" /X {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}`, false},
		{`"C:\Windows\System32\msiexec.exe" "/x {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}"`, false},
		{`C:\Users\ann\msiexec.exe /x {6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}`, false},
		{``, false},
	} {
		err := matchCommandLine(tt.cmdline, plan, same)
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.cmdline, err, tt.ok)
		}
	}
	// Arguments with spaces and quotes, as windows.ComposeCommandLine writes them.
	args := []string{"-key", `SOFTWARE\Kaspersky Lab\x`, `a "b" c\`}
	if err := matchCommandLine(`"C:\Program Files\K\uninst.exe" -key "SOFTWARE\Kaspersky Lab\x" "a \"b\" c\\"`, args,
		func(p string) bool { return p == `C:\Program Files\K\uninst.exe` }); err != nil {
		t.Error(err)
	}
}
