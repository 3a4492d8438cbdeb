package platform

import (
	"slices"
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
