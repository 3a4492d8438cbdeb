package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length caps for text drawn from the computer or from a report. A registry
// value or a caller's report can hold a name of megabytes; a label, a line
// of a report or a terminal line never needs more than these.
const (
	// MaxNameRunes caps a name: a product, a program, a version, a file
	// name, a region, a status code read from a report.
	MaxNameRunes = 200
	// MaxTextRunes caps a longer text: a path, an evidence line, a command
	// line, an error message. Windows paths and command lines fit.
	MaxTextRunes = 4000
)

// Ellipsis ends a text that was cut.
const Ellipsis = "…"

// Sanitize makes a text from the computer (a registry name, a path, an error)
// safe to print as plain text: control characters (escape sequences that
// would steer a terminal, carriage returns that would overwrite a line) and
// the Unicode formatting characters that reorder or hide text (bidi
// overrides and isolates, zero-width characters) are dropped; tabs and
// newlines become spaces. It does not cut: use Name or LongText for anything
// shown to people.
func Sanitize(s string) string {
	return cleanCap(s, -1)
}

// Name is Clean for a name drawn from the computer or a report (a product,
// a program, a version): cleaned, then cut to MaxNameRunes runes, ending in
// Ellipsis when cut. It reads no further than it needs, so a name of
// megabytes costs one pass at most. Every view shows names through it.
func Name(s string) string { return cleanCap(s, MaxNameRunes) }

// LongText is Name for longer texts (paths, evidence, command lines, error
// messages): cleaned and cut to MaxTextRunes runes.
func LongText(s string) string { return cleanCap(s, MaxTextRunes) }

// Cut cleans s and cuts it to max runes (max > 0), the last being Ellipsis
// when anything was cut.
func Cut(s string, max int) string {
	if max <= 0 {
		return ""
	}
	return cleanCap(s, max)
}

// cleanCap cleans s and keeps at most max runes of the result (max < 0: no
// limit); when more would follow, the last kept rune is Ellipsis.
func cleanCap(s string, max int) string {
	if max < 0 || len(s) <= max { // few enough bytes: no cut is possible
		if cleanAlready(s) {
			return s
		}
		max = -1
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if size == 1 && r == utf8.RuneError {
			continue // invalid UTF-8
		}
		switch {
		case r == '\t' || r == '\n':
			r = ' '
		case dropped(r):
			continue
		}
		if max >= 0 && n == max-1 && hasKeptRune(s[i:]) {
			// r and whatever follows it do not fit.
			b.WriteString(Ellipsis)
			return b.String()
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// cleanAlready reports whether Clean would leave s as it is.
func cleanAlready(s string) bool {
	for _, r := range s {
		if dropped(r) || r == '\t' || r == '\n' {
			return false
		}
	}
	return true
}

// hasKeptRune reports whether Clean would keep anything of s.
func hasKeptRune(s string) bool {
	for _, r := range s {
		if !dropped(r) {
			return true
		}
	}
	return false
}

// dropped: C0 and C1 controls (tab and newline become spaces instead), DEL,
// invalid UTF-8 and the format characters (Unicode category Cf:
// U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, …).
func dropped(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	return r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
