package report

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
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
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("Kaspersky\x1b[31m\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Sanitize(s) {
			if dropped(r) || r == '\t' || r == '\n' {
				t.Fatalf("Sanitize(%q) kept %U", s, r)
			}
		}
	})
}

func TestNameAndText(t *testing.T) {
	long := strings.Repeat("K", MaxNameRunes+1)
	for _, tt := range []struct{ in, want string }{
		{"Kaspersky Total Security", "Kaspersky Total Security"},
		{"Kaspersky\x1b[2J\u202e Total", "Kaspersky[2J Total"},
		{strings.Repeat("K", MaxNameRunes), strings.Repeat("K", MaxNameRunes)},
		{long, strings.Repeat("K", MaxNameRunes-1) + Ellipsis},
		// Dropped characters do not count, and a cut never ends in them.
		{strings.Repeat("K\u200b", MaxNameRunes), strings.Repeat("K", MaxNameRunes)},
		{strings.Repeat("K", MaxNameRunes) + "\x1b\u202e\xff", strings.Repeat("K", MaxNameRunes)},
		{strings.Repeat("é", MaxNameRunes+5), strings.Repeat("é", MaxNameRunes-1) + Ellipsis},
	} {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%.40q…) = %.40q… (%d runes), want %d runes", tt.in, got, utf8.RuneCountInString(got), utf8.RuneCountInString(tt.want))
		}
	}
	if got := LongText(strings.Repeat("x", MaxTextRunes+10)); utf8.RuneCountInString(got) != MaxTextRunes || !strings.HasSuffix(got, Ellipsis) {
		t.Errorf("LongText kept %d runes", utf8.RuneCountInString(got))
	}
	if got := Cut("abcdef", 3); got != "ab"+Ellipsis {
		t.Errorf("Cut = %q", got)
	}
	if got := Sanitize(long); got != long {
		t.Error("Clean cut a text; only Name and LongText cut")
	}
}

// TestNameOfMegabytes: a 5 MiB product name full of control and bidi
// characters (as a caller's report may hold) is cut and cleaned at once.
func TestNameOfMegabytes(t *testing.T) {
	huge := strings.Repeat("Kaspersky\u202e\x1b[31m ", 5<<20/16)
	start := time.Now()
	for range 10 {
		got := Name(huge)
		if utf8.RuneCountInString(got) != MaxNameRunes || !strings.HasSuffix(got, Ellipsis) || strings.ContainsAny(got, "\x1b\u202e") {
			t.Fatalf("Name gave %d runes: %.60q", utf8.RuneCountInString(got), got)
		}
	}
	// Only the hasKeptRune look-ahead may read on; all of it: a 5 MiB run of
	// dropped characters after the cut.
	tail := strings.Repeat("K", MaxNameRunes-1) + strings.Repeat("\u200b", 5<<20/3)
	if got := Name(tail); got != strings.Repeat("K", MaxNameRunes-1) {
		t.Fatalf("Name of a name followed by invisible characters: %d runes", utf8.RuneCountInString(got))
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("11 names of 5 MiB took %v", d)
	}
}

func FuzzName(f *testing.F) {
	f.Add("Kaspersky\x1b[31m\u202e", 5)
	f.Add(strings.Repeat("é\u200b", 300), 200)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max <= 0 || max > 1000 {
			max = MaxNameRunes
		}
		got := Cut(s, max)
		if n := utf8.RuneCountInString(got); n > max {
			t.Fatalf("Cut(%q, %d) kept %d runes", s, max, n)
		}
		full := Sanitize(s)
		if got != full && !(strings.HasSuffix(got, Ellipsis) && strings.HasPrefix(full, strings.TrimSuffix(got, Ellipsis))) {
			t.Fatalf("Cut(%q, %d) = %q is not a cut of %q", s, max, got, full)
		}
		for _, r := range got {
			if dropped(r) || r == '\t' || r == '\n' {
				t.Fatalf("Cut(%q) kept %U", s, r)
			}
		}
	})
}
