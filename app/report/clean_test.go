package report

import "testing"

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kaspersky Total Security", "Kaspersky Total Security"},
		{"Kaspersky\x1b[2J\x1b]0;pwned\x07 Total", "Kaspersky[2J]0;pwned Total"},
		{"Kaspersky\rEvil", "KasperskyEvil"},
		{"line1\nline2\tx", "line1 line2 x"},
		{"Kaspersky \u202egnp.exe", "Kaspersky gnp.exe"},
		{"a\u2066b\u2069c\u200bd\ufeffe", "abcde"},
		{"\u0085next\u009b31m", "next31m"},
		{"bad \xff utf8", "bad  utf8"},
		{"Protección de Kaspersky", "Protección de Kaspersky"},
	} {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Kaspersky\x1b[31m\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Clean(s) {
			if dropped(r) || r == '\t' || r == '\n' {
				t.Fatalf("Clean(%q) kept %U", s, r)
			}
		}
	})
}
