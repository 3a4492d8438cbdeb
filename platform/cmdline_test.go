package platform

import (
	"slices"
	"strings"
	"testing"
)

// cmdlineCases are also checked against windows.DecomposeCommandLine under Wine.
var cmdlineCases = []struct {
	in   string
	want []string
}{
	{`"C:\Program Files (x86)\Kaspersky Lab\setup.exe" /x`, []string{`C:\Program Files (x86)\Kaspersky Lab\setup.exe`, `/x`}},
	{`MsiExec.exe /X{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}`, []string{`MsiExec.exe`, `/X{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}`}},
	{`MsiExec.exe /I{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}`, []string{`MsiExec.exe`, `/I{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}`}},
	{`C:\Program Files\Kaspersky Lab\setup.exe /x /silent`, []string{`C:\Program`, `Files\Kaspersky`, `Lab\setup.exe`, `/x`, `/silent`}},
	{`"%ProgramFiles%\Kaspersky Lab\avp.exe" -uninstall`, []string{`%ProgramFiles%\Kaspersky Lab\avp.exe`, `-uninstall`}},
	{`setup.exe "a b" c`, []string{`setup.exe`, `a b`, `c`}},
	{`setup.exe a\\"b c"`, []string{`setup.exe`, `a\b c`}},
	{`setup.exe a\"b`, []string{`setup.exe`, `a"b`}},
	{`setup.exe a\\\"b`, []string{`setup.exe`, `a\"b`}},
	{`setup.exe a\b\\c`, []string{`setup.exe`, `a\b\\c`}},
	{`setup.exe "a""b"`, []string{`setup.exe`, `a"b`}},
	{`setup.exe ""`, []string{`setup.exe`, ``}},
	{`setup.exe   a	b  `, []string{`setup.exe`, `a`, `b`}},
	{`"C:\odd"name.exe x`, []string{`C:\odd`, `name.exe`, `x`}},
	{`"unterminated`, []string{`unterminated`}},
	{`x.exe "unterminated arg`, []string{`x.exe`, `unterminated arg`}},
	{`prog`, []string{`prog`}},
}

func TestSplitCommandLine(t *testing.T) {
	for _, tt := range cmdlineCases {
		got, err := SplitCommandLine(tt.in)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("SplitCommandLine(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "   ", "\t", "a\x00b"} {
		if _, err := SplitCommandLine(in); err == nil {
			t.Errorf("SplitCommandLine(%q) accepted", in)
		}
	}
}

func FuzzSplitCommandLine(f *testing.F) {
	for _, tt := range cmdlineCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		args, err := SplitCommandLine(in)
		if err != nil {
			return
		}
		if len(args) == 0 {
			t.Fatalf("%q: no program and no error", in)
		}
		for _, a := range args {
			if len(a) > len(in) {
				t.Fatalf("%q: an argument longer than the line: %q", in, a)
			}
		}
	})
}

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
